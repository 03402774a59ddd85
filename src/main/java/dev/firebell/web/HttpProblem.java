package dev.firebell.web;

/** A request refused with a status and a message for the caller; mapped by {@link ErrorMapper}. */
public final class HttpProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String field;

  public HttpProblem(int status, String message, String field) {
    super(message);
    this.status = status;
    this.field = field;
  }

  public HttpProblem(int status, String message) {
    this(status, message, null);
  }

  public int status() {
    return status;
  }

  public String field() {
    return field;
  }
}
