package dev.firebell.web.ui;

/** A page was asked for without a valid session; the answer is the log-in page. */
public final class LoginRequired extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LoginRequired() {
    super("log in first");
  }
}
