package dev.firebell.incident.review;

/** An edit or note outside its limits; {@code field} names it as the API does. */
public final class InvalidEdit extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public InvalidEdit(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
