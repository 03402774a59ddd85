package dev.firebell.channel.pushover;

/**
 * Pushover's API, for pushover contacts: the application {@code token}. {@code apiUrl} is only
 * changed for tests.
 */
public record PushoverConfig(String token, String apiUrl) {

  public PushoverConfig {
    token = token == null ? "" : token;
    apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://api.pushover.net" : apiUrl;
    apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
  }

  public static PushoverConfig defaults() {
    return new PushoverConfig(null, null);
  }

  public boolean isConfigured() {
    return !token.isEmpty();
  }
}
