package dev.firebell.channel.email;

/** The mail server email contacts are paged through. */
public record SmtpConfig(
    String host, Integer port, String username, String password, Boolean startTls, String from) {

  public SmtpConfig {
    host = host == null ? "" : host;
    port = port == null ? 587 : port;
    username = username == null ? "" : username;
    password = password == null ? "" : password;
    startTls = startTls == null || startTls;
    from = from == null ? "" : from;
  }

  public static SmtpConfig defaults() {
    return new SmtpConfig(null, null, null, null, null, null);
  }

  public boolean isConfigured() {
    return !host.isEmpty();
  }
}
