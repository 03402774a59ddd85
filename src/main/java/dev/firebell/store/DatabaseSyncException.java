package dev.firebell.store;

/** The database could not make committed data durable; the caller must not report success. */
public final class DatabaseSyncException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DatabaseSyncException(Throwable cause) {
    super("the database could not sync committed data to disk", cause);
  }
}
