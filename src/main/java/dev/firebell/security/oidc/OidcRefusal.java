package dev.firebell.security.oidc;

/**
 * A sign-in that ends without a session, with the status the browser gets: 400 for a request that
 * was not this browser's sign-in (unknown, used or old {@code state}), 401 when the provider or its
 * ID token fails, 403 when the person is not let in, 503 when the provider cannot be reached.
 */
public final class OidcRefusal extends Exception {
  private static final long serialVersionUID = 1L;
  private final int status;

  public OidcRefusal(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
