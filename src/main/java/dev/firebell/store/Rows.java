package dev.firebell.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

/**
 * Typed reads from a result row for the hand-written row mappers. Jdbi's reflective mappers and
 * SqlObject proxies cost more CPU than H2 spends running the query (profiled under load), so the
 * repositories map their rows by hand.
 */
public final class Rows {
  private Rows() {}

  public static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp value = row.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  public static Long nullableLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  /** A label map stored as JSON text; an empty map for NULL. */
  public static Map<String, String> labels(ResultSet row, String column) throws SQLException {
    return JsonColumns.readMap(row.getString(column));
  }

  /**
   * One label of a label map stored as JSON text, or null: read without building the map, for
   * queries that go through every alert of a storm's incident.
   */
  public static String label(ResultSet row, String column, String name) throws SQLException {
    return JsonColumns.readField(row.getString(column), name);
  }

  /** A JSON tree stored as text, or null. */
  public static JsonNode json(ResultSet row, String column) throws SQLException {
    return JsonColumns.readTree(row.getString(column));
  }
}
