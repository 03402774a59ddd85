package dev.firebell.security;

import dev.firebell.config.FirebellConfig;
import dev.firebell.store.Database;
import dev.firebell.store.SecretStore;
import java.time.Clock;

/**
 * What is signed with the link secret: acknowledge links and calendar feeds. The secret is {@code
 * security.linkSecret}, or one made on first start and shared by every instance through the
 * database.
 */
public record Secrets(LinkTokens links, CalendarTokens calendars) {
  public static Secrets of(FirebellConfig config, Database database, Clock clock) {
    String configured = config.security().linkSecret();
    String secret =
        configured.isEmpty()
            ? new SecretStore(database.jdbi(), clock).getOrCreate("link")
            : configured;
    return new Secrets(
        new LinkTokens(secret, config.security().linkTtl()), new CalendarTokens(secret));
  }
}
