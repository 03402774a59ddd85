package dev.firebell.web.ui;

/** A request from the web interface refused with a status and a message for a person. */
public final class PageProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public PageProblem(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
