package dev.firebell.config;

/**
 * Where Firebell calls a sender's API: {@code url} (empty: the notification's {@code externalURL})
 * with {@code Authorization: Bearer <token>} when a token is set.
 */
public record UpstreamApi(String url, String token) {
  public static final UpstreamApi NONE = new UpstreamApi(null, null);

  public UpstreamApi {
    url = url == null || url.isBlank() ? null : stripSlash(url.strip());
    token = token == null || token.isBlank() ? null : token;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
