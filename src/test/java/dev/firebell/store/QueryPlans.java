package dev.firebell.store;

import dev.firebell.config.DatabaseConfig;
import dev.firebell.json.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** H2's plan for a query, on a freshly migrated in-memory database, as {@code EXPLAIN} gives it. */
public final class QueryPlans {
  private QueryPlans() {}

  /**
   * The plan of {@code sql}, whose {@code :named} parameters take {@code parameters} in order;
   * {@code database} names the in-memory database, one per test.
   */
  public static String explain(String database, String sql, Object... parameters) throws Exception {
    try (Database migrated =
        Database.open(DatabaseConfig.of("jdbc:h2:mem:" + database), Json.mapper())) {
      return migrated
          .jdbi()
          .withHandle(
              handle -> {
                try (PreparedStatement explain =
                    handle
                        .getConnection()
                        .prepareStatement("EXPLAIN " + sql.replaceAll(":\\w+", "?"))) {
                  for (int i = 0; i < parameters.length; i++) {
                    explain.setObject(i + 1, parameters[i]);
                  }
                  try (ResultSet result = explain.executeQuery()) {
                    result.next();
                    return result.getString(1);
                  }
                }
              });
    }
  }
}
