package dev.firebell;

import dev.firebell.config.FirebellConfig;
import org.slf4j.Logger;

/** Settings that work but deserve a word in the log before Firebell takes traffic. */
final class StartupWarnings {
  /** The tokens the sample configuration falls back to, fine on a laptop only. */
  static final String SAMPLE_INGEST_TOKEN = "dev-ingest-token";

  static final String SAMPLE_API_TOKEN = "dev-api-token";

  /** The sample user's hash, of the password "firebell". */
  static final String SAMPLE_PASSWORD_HASH =
      "$2a$12$ylxEY25sSE7ZMwuJOvRBUOOGHvGwch5BhkLtJfeIrtiwrysIcYuS2";

  private StartupWarnings() {}

  static void log(FirebellConfig config, Logger log) {
    if (config.ingest().allowUnauthenticated() && !config.ingest().hasAnyCredential()) {
      log.warn(
          "ingest.allowUnauthenticated is true: anyone who can reach Firebell can post alerts");
    }
    if (SAMPLE_INGEST_TOKEN.equals(config.ingest().bearerToken())) {
      log.warn("ingest.bearerToken is the sample's; set FIREBELL_INGEST_TOKEN before real use");
    }
    if (config.api().tokens().contains(SAMPLE_API_TOKEN)) {
      log.warn("api.tokens holds the sample's token; set FIREBELL_API_TOKEN before real use");
    }
    config.users().stream()
        .filter(user -> SAMPLE_PASSWORD_HASH.equals(user.passwordHash()))
        .forEach(
            user ->
                log.warn(
                    "user '{}' has the sample's password; set its passwordHash before real use",
                    user.username()));
    if (config.api().tokens().isEmpty()) {
      log.warn("api.tokens is empty: the /api endpoints refuse every request");
    }
  }
}
