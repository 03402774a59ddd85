package dev.firebell.config;

import java.util.List;

/**
 * How people sign in to the web interface: the {@code users} of firebell.yaml with their passwords
 * ({@code localUsers}, on unless turned off), and single sign-on through an OpenID Connect provider
 * ({@code oidc}), which signs in the on-call person whose {@code email} matches.
 */
public record AuthConfig(Boolean localUsers, Oidc oidc) {
  public AuthConfig {
    localUsers = localUsers == null || localUsers;
    oidc = oidc == null ? Oidc.NONE : oidc;
  }

  public static AuthConfig defaults() {
    return new AuthConfig(null, null);
  }

  /**
   * An OpenID Connect provider: its {@code issuer} (the discovery document is at {@code
   * issuer/.well-known/openid-configuration}), this client's {@code clientId} and {@code
   * clientSecret}, the {@code scopes} asked for (default {@code openid email profile}), the claim
   * holding the email ({@code email}) and the name on the button ({@code displayName}).
   */
  public record Oidc(
      String issuer,
      String clientId,
      String clientSecret,
      List<String> scopes,
      String emailClaim,
      String displayName) {
    public static final Oidc NONE = new Oidc(null, null, null, null, null, null);

    public Oidc {
      issuer = issuer == null || issuer.isBlank() ? null : stripSlash(issuer.strip());
      clientId = clientId == null || clientId.isBlank() ? null : clientId;
      clientSecret = clientSecret == null ? "" : clientSecret;
      scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "email", "profile") : scopes;
      emailClaim = emailClaim == null || emailClaim.isBlank() ? "email" : emailClaim;
      displayName = displayName == null || displayName.isBlank() ? "single sign-on" : displayName;
    }

    public boolean isConfigured() {
      return issuer != null;
    }

    private static String stripSlash(String url) {
      return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
  }
}
