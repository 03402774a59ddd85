package dev.firebell.channel.slack;

/**
 * A Slack app, for contacts that name a {@code channel} and for the buttons and the {@code
 * /firebell} command: its bot token ({@code chat:write}, {@code commands}) and the signing secret
 * its requests are checked with. {@code apiUrl} is only changed for tests.
 */
public record SlackConfig(String botToken, String signingSecret, String apiUrl) {

  public SlackConfig {
    botToken = botToken == null ? "" : botToken;
    signingSecret = signingSecret == null ? "" : signingSecret;
    apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://slack.com/api" : apiUrl;
    apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
  }

  public static SlackConfig defaults() {
    return new SlackConfig(null, null, null);
  }

  /** Messages can be posted and updated through the Web API. */
  public boolean canPost() {
    return !botToken.isEmpty();
  }

  /** Requests from Slack (button presses, the command) can be checked, so they are taken. */
  public boolean takesRequests() {
    return !signingSecret.isEmpty();
  }
}
