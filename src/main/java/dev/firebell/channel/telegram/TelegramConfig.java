package dev.firebell.channel.telegram;

/**
 * A Telegram bot, for telegram contacts ({@code chatId} on the contact): its {@code botToken}.
 * {@code apiUrl} is only changed for tests.
 */
public record TelegramConfig(String botToken, String apiUrl) {

  public TelegramConfig {
    botToken = botToken == null ? "" : botToken;
    apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://api.telegram.org" : apiUrl;
    apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
  }

  public static TelegramConfig defaults() {
    return new TelegramConfig(null, null);
  }

  public boolean isConfigured() {
    return !botToken.isEmpty();
  }

  /** The Bot API root for this bot: {@code {apiUrl}/bot{token}}. */
  public String botUrl() {
    return apiUrl + "/bot" + botToken;
  }
}
