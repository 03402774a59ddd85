package dev.firebell.ingest;

/** A webhook body that cannot be accepted; {@code field} names the offending field if known. */
public final class InvalidPayload extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String field;

  InvalidPayload(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
