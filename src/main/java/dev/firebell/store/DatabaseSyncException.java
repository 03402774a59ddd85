package dev.firebell.store;

/** The database could not make committed data durable; the caller must not report success. */
public final class DatabaseSyncException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DatabaseSyncException(Throwable cause) {
    super("the database could not sync committed data to disk", cause);
  }

  /** The sync was not attempted or not waited for: {@code why} says which. */
  DatabaseSyncException(String why, Throwable cause) {
    super("the database could not sync committed data to disk: " + why, cause);
  }
}
