package dev.firebell.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration 23: every new incident writes only the indexes a query reads. The foreign keys from an
 * incident's rows to the incident (and from an incident to its group and its predecessor) each cost
 * a lookup per row written and, on H2, an index of their own that no query uses. Incidents and
 * groups are never deleted and these rows are written only beside the incident they name, in its
 * transaction, so the keys guarded nothing a query could notice. Written in Java because the keys'
 * names are generated, and differ between H2 and PostgreSQL.
 */
final class V23OnlyQueriedIndexes extends CodeMigration {
  /** The foreign keys dropped, as table and column. */
  private static final List<String[]> KEYS =
      List.of(
          new String[] {"incident", "group_hash"},
          new String[] {"incident", "previous_incident_id"},
          new String[] {"incident_alert", "incident_id"},
          new String[] {"timeline_entry", "incident_id"},
          new String[] {"page_delivery", "incident_id"});

  V23OnlyQueriedIndexes() {
    super("23", "only queried indexes");
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    try (Statement statement = connection.createStatement()) {
      for (String[] key : KEYS) {
        for (String name : foreignKeys(connection, key[0], key[1])) {
          statement.execute("ALTER TABLE " + key[0] + " DROP CONSTRAINT \"" + name + "\"");
        }
      }
      // Its queries lead with incident_id on page_delivery_once instead.
      statement.execute("DROP INDEX IF EXISTS page_delivery_by_incident");
    }
  }

  private static List<String> foreignKeys(Connection connection, String table, String column)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            """
            SELECT tc.constraint_name FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage k
              ON k.constraint_schema = tc.constraint_schema
             AND k.constraint_name = tc.constraint_name
            WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = ?
              AND tc.table_name = ? AND k.column_name = ?
            """)) {
      query.setString(1, connection.getSchema());
      query.setString(2, table);
      query.setString(3, column);
      List<String> names = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
      return names;
    }
  }
}
