package dev.firebell.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which senders Firebell may call back at the address a notification names ({@code externalURL})
 * when no URL is configured for them: only those whose origin ({@code https://host[:port]}) is in
 * {@code allowedOrigins}. A payload never decides on its own where Firebell sends a request.
 */
public record UpstreamConfig(List<String> allowedOrigins) {
  public UpstreamConfig {
    allowedOrigins =
        allowedOrigins == null
            ? List.of()
            : allowedOrigins.stream().map(o -> isOriginOnly(o) ? origin(o).orElse(o) : o).toList();
  }

  public static UpstreamConfig defaults() {
    return new UpstreamConfig(null);
  }

  /** {@code url} when its origin is allowed; otherwise empty. */
  public Optional<String> allowed(String url) {
    return origin(url).filter(allowedOrigins::contains).map(origin -> url);
  }

  /** Written as an origin: no path beyond "/", no query, no fragment (kept as written if not). */
  private static boolean isOriginOnly(String written) {
    try {
      URI uri = new URI(written.strip());
      String path = uri.getRawPath();
      return (path == null || path.isEmpty() || path.equals("/"))
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /**
   * {@code scheme://host[:port]} of an http(s) URL, lower-cased and without a default port; empty
   * when it is no such URL (or carries user information, a way to disguise the host).
   */
  public static Optional<String> origin(String url) {
    if (url == null) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null
          || uri.getRawUserInfo() != null) {
        return Optional.empty();
      }
      int port = uri.getPort();
      boolean defaultPort =
          port == -1
              || (scheme.equals("http") && port == 80)
              || (scheme.equals("https") && port == 443);
      return Optional.of(
          scheme
              + "://"
              + uri.getHost().toLowerCase(Locale.ROOT)
              + (defaultPort ? "" : ":" + port));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
