package dev.firebell.importer;

/**
 * An import that cannot go on: a refused token, an unreachable URL or an answer that cannot be
 * read. Its message is the one line the command prints ("401 Unauthorized from
 * https://api.pagerduty.com/users"); no file is written.
 */
public final class ImportFailed extends Exception {
  public ImportFailed(String message) {
    super(message);
  }

  public ImportFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
