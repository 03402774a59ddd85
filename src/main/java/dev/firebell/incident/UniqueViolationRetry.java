package dev.firebell.incident;

import java.sql.SQLException;
import java.util.function.Supplier;
import org.jdbi.v3.core.statement.StatementException;

/**
 * Runs a transaction again when it lost a race on a unique key: two instances seeing a new alert
 * group at once both try to insert it, one wins, and the other retries and finds the row.
 */
final class UniqueViolationRetry {
  private static final int ATTEMPTS = 5;
  private static final String UNIQUE_VIOLATION = "23505";

  private UniqueViolationRetry() {}

  static <T> T run(Supplier<T> transaction) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.get();
      } catch (StatementException e) {
        if (attempt >= ATTEMPTS || !isUniqueViolation(e)) {
          throw e;
        }
      }
    }
  }

  private static boolean isUniqueViolation(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
