package dev.firebell.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.config.FirebellConfig;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** What every module is built on: the configuration, the database, the JSON mapper, the clock. */
public record Platform(FirebellConfig config, Database database, ObjectMapper json, Clock clock) {
  public Jdbi jdbi() {
    return database.jdbi();
  }
}
