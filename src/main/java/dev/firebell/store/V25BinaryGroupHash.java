package dev.firebell.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration 25: a group's SHA-256 is kept as its 32 bytes, not 64 hex characters. The alert group's
 * primary key is a random key that every new incident writes; as hex text it was a third of all
 * bytes H2 wrote under new groups (issue 30). The incident's copy changes with it so the two stay
 * comparable. Written in Java because hex is decoded differently: PostgreSQL has {@code decode}, H2
 * needs a function alias to {@link HexKey#bytes}, dropped again at the end.
 */
final class V25BinaryGroupHash extends CodeMigration {
  private static final String H2_ALIAS = "firebell_bytes_of_hex";

  V25BinaryGroupHash() {
    super("25", "binary group hash");
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    boolean postgres = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
    try (Statement statement = connection.createStatement()) {
      if (!postgres) {
        statement.execute(
            "CREATE ALIAS " + H2_ALIAS + " FOR '" + HexKey.class.getName() + ".bytes'");
      }
      String decoded = postgres ? "decode(group_hash, 'hex')" : H2_ALIAS + "(group_hash)";
      for (String table : new String[] {"alert_group", "incident"}) {
        statement.execute(
            "ALTER TABLE "
                + table
                + " ALTER COLUMN group_hash SET DATA TYPE BYTEA USING "
                + decoded);
      }
      if (!postgres) {
        statement.execute("DROP ALIAS " + H2_ALIAS);
      }
    }
  }
}
