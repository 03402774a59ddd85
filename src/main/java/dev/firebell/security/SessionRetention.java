package dev.firebell.security;

import dev.firebell.security.oidc.OidcLoginRepository;
import dev.firebell.store.Pruning;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Expired web sessions and sign-ins that never came back from the provider go at once; a used
 * link's hash is kept while the link could still be presented ({@code security.linkTtl}), since it
 * is what refuses the link a second time.
 */
public final class SessionRetention implements Pruning {
  private final Duration linkTtl;

  public SessionRetention(Duration linkTtl) {
    this.linkTtl = linkTtl;
  }

  @Override
  public int prune(Handle handle, Instant now) {
    return handle
            .createUpdate("DELETE FROM web_session WHERE expires_at <= :now")
            .bind("now", now)
            .execute()
        + new UsedLinkRepository(handle).pruneBefore(now.minus(linkTtl))
        + new OidcLoginRepository(handle).pruneBefore(now.minus(Duration.ofMinutes(10)));
  }
}
