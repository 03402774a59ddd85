package dev.firebell.incident;

/** An acknowledge or resolve link that was already used once. */
public final class LinkAlreadyUsed extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LinkAlreadyUsed() {
    super("this link was already used");
  }
}
