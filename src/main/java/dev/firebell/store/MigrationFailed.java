package dev.firebell.store;

/** The schema could not be brought up to date; the message says what happened to the data. */
public final class MigrationFailed extends RuntimeException {
  MigrationFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
