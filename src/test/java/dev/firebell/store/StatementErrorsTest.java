package dev.firebell.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.config.DatabaseConfig;
import dev.firebell.json.Json;
import org.jdbi.v3.core.statement.StatementException;
import org.junit.jupiter.api.Test;

/** A failed statement's message names the SQL, never the values bound to it (alert data). */
class StatementErrorsTest {

  @Test
  void boundValuesStayOutOfErrorMessages() {
    try (Database database =
        Database.open(DatabaseConfig.of("jdbc:h2:mem:statement-errors"), Json.mapper())) {
      assertThatThrownBy(
              () ->
                  database
                      .jdbi()
                      .useHandle(
                          handle ->
                              handle
                                  .createUpdate("INSERT INTO no_such_table (x) VALUES (:secret)")
                                  .bind("secret", "hunter2-api-key")
                                  .execute()))
          .isInstanceOf(StatementException.class)
          .hasMessageNotContaining("hunter2-api-key")
          .hasMessageNotContaining("arguments");
    }
  }
}
