package dev.firebell.security;

/** A link token that must change nothing; {@link #reason()} says why, for the page shown. */
public final class InvalidLink extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a link is refused. */
  public enum Reason {
    MALFORMED,
    FORGED,
    EXPIRED,
    USED
  }

  private final Reason reason;

  public InvalidLink(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
