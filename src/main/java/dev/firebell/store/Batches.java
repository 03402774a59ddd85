package dev.firebell.store;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/** Rows written by one statement: one JDBC batch for several, a plain statement for one. */
public final class Batches {
  /** Binds one row's values to a statement, a single one or a batch's next. */
  public interface RowBinder<T> {
    <S extends SqlStatement<S>> S bind(S statement, T row);
  }

  private Batches() {}

  /**
   * Runs {@code sql} for each row, in order; the caller bounds how many (each row's values wait).
   */
  public static <T> void execute(Handle handle, String sql, List<T> rows, RowBinder<T> binder) {
    if (rows.size() == 1) {
      binder.bind(handle.createUpdate(sql), rows.get(0)).execute();
    } else if (!rows.isEmpty()) {
      PreparedBatch batch = handle.prepareBatch(sql);
      rows.forEach(row -> binder.bind(batch, row).add());
      batch.execute();
    }
  }
}
