package dev.firebell;

import dev.firebell.config.FirebellConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * The sample's public secrets still in use, each with the variable that replaces it; Firebell
   * refuses to listen beyond loopback while any is left.
   */
  static List<String> sampleSecrets(FirebellConfig config) {
    List<String> found = new ArrayList<>();
    if (SAMPLE_INGEST_TOKEN.equals(config.ingest().bearerToken())) {
      found.add("ingest.bearerToken is the sample's (set FIREBELL_INGEST_TOKEN)");
    }
    if (config.api().tokens().contains(SAMPLE_API_TOKEN)) {
      found.add("api.tokens holds the sample's token (set FIREBELL_API_TOKEN)");
    }
    config.users().stream()
        .filter(user -> SAMPLE_PASSWORD_HASH.equals(user.passwordHash()))
        .forEach(
            user ->
                found.add(
                    "user '"
                        + user.username()
                        + "' has the sample's password (set FIREBELL_TESSA_PASSWORD_HASH or its"
                        + " passwordHash)"));
    return found;
  }

  /** Whether the server listens on loopback only, where only this machine can reach it. */
  static boolean isLoopback(String host) {
    if (host.equals("localhost")) {
      return true;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  static void log(FirebellConfig config, Logger log) {
    if (config.ingest().allowUnauthenticated() && !config.ingest().hasAnyCredential()) {
      log.warn(
          "ingest.allowUnauthenticated is true: anyone who can reach Firebell can post alerts");
    }
    sampleSecrets(config)
        .forEach(sample -> log.warn("{}: fine on loopback, not for real use", sample));
    if (config.api().tokens().isEmpty()) {
      log.warn("api.tokens is empty: the /api endpoints refuse every request");
    }
  }
}
