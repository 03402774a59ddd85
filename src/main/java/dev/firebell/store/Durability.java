package dev.firebell.store;

/**
 * Makes committed transactions survive a crash before Firebell answers 2xx. PostgreSQL's commit
 * already is durable; H2 needs an explicit sync (see {@link H2GroupSync}).
 */
public interface Durability extends AutoCloseable {

  /** Commit is enough: the database syncs before it reports a commit. */
  Durability IMMEDIATE = () -> {};

  /** Returns once every transaction this thread committed is on disk. */
  void awaitDurable();

  @Override
  default void close() {}
}
