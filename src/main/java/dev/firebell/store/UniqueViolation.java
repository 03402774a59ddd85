package dev.firebell.store;

import java.sql.SQLException;
import java.util.function.Supplier;
import org.jdbi.v3.core.statement.StatementException;

/**
 * SQLSTATE 23505, a unique key refusing a second copy, is the one database error that means
 * "already done elsewhere": another instance (or thread) inserted the same row a moment ago. Every
 * other error is a failure to log and retry.
 */
public final class UniqueViolation {
  private static final int ATTEMPTS = 5;
  private static final String STATE = "23505";

  private UniqueViolation() {}

  public static boolean is(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && STATE.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs a transaction again when it lost a race on a unique key: the retry finds the winner's row
   * and goes on from there. Any other error is thrown at once.
   */
  public static <T> T retry(Supplier<T> transaction) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.get();
      } catch (StatementException e) {
        if (attempt >= ATTEMPTS || !is(e)) {
          throw e;
        }
      }
    }
  }
}
