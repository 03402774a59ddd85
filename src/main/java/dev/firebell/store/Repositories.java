package dev.firebell.store;

import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Runs work against a repository on a handle of its own, outside any caller's transaction. */
public final class Repositories {
  private Repositories() {}

  public static <R, T> T with(Jdbi jdbi, Function<Handle, R> repository, Function<R, T> work) {
    return jdbi.withHandle(handle -> work.apply(repository.apply(handle)));
  }

  public static <R> void use(Jdbi jdbi, Function<Handle, R> repository, Consumer<R> work) {
    jdbi.useHandle(handle -> work.accept(repository.apply(handle)));
  }
}
