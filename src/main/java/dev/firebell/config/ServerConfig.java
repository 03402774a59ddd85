package dev.firebell.config;

/**
 * HTTP listener settings. {@code publicUrl} is the address people reach Firebell at; links in pages
 * are built from it.
 */
public record ServerConfig(Integer port, String host, String publicUrl) {

  public ServerConfig {
    port = port == null ? 8080 : port;
    host = host == null || host.isBlank() ? "0.0.0.0" : host;
    publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:" + port : publicUrl;
    publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  public static ServerConfig defaults() {
    return new ServerConfig(null, null, null);
  }
}
