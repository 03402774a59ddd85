package dev.firebell.channel.twilio;

/** Twilio's Messages API, for SMS contacts. {@code apiUrl} is only changed for tests. */
public record TwilioConfig(String accountSid, String authToken, String from, String apiUrl) {

  public TwilioConfig {
    accountSid = accountSid == null ? "" : accountSid;
    authToken = authToken == null ? "" : authToken;
    from = from == null ? "" : from;
    apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://api.twilio.com" : apiUrl;
    apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
  }

  public static TwilioConfig defaults() {
    return new TwilioConfig(null, null, null, null);
  }

  public boolean isConfigured() {
    return !accountSid.isEmpty() && !authToken.isEmpty() && !from.isEmpty();
  }
}
