package dev.firebell.channel;

import dev.firebell.config.ConfigException;
import dev.firebell.config.FirebellConfig;
import java.net.URI;

/**
 * What a channel checks its contact entry of oncall.yaml with: each problem names the file, the
 * entry's key ({@code people[0].contacts[1]}) and the field, as every other config error does.
 */
public final class ContactCheck {
  private final String file;
  private final String key;
  private final FirebellConfig config;

  public ContactCheck(String file, String key, FirebellConfig config) {
    this.file = file;
    this.key = key;
    this.config = config;
  }

  /** firebell.yaml, for the sections a channel needs (smtp, twilio, pushover, telegram). */
  public FirebellConfig config() {
    return config;
  }

  /** The value, stripped; a missing or blank one is a problem. */
  public String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw problem(field, "is required");
    }
    return value.strip();
  }

  /** An http:// or https:// URL with a host. */
  public void httpUrl(String value, String field) {
    String url = required(value, field);
    try {
      URI uri = URI.create(url);
      if ((uri.getScheme() == null || !uri.getScheme().matches("https?"))
          || uri.getHost() == null) {
        throw problem(field, "'" + url + "' must be an http:// or https:// URL");
      }
    } catch (IllegalArgumentException e) {
      throw problem(field, "'" + url + "' is not a URL");
    }
  }

  /** A problem with {@code field} of the entry, or with the entry as a whole when it is null. */
  public ConfigException problem(String field, String message) {
    return new ConfigException(file, field == null ? key : key + "." + field, message);
  }
}
