package dev.firebell.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * A hash that Firebell shows and passes around as hex but stores as its bytes: half the size in
 * every index page that holds it. Bind {@link #bytes}, read with {@link #read}.
 */
public final class HexKey {
  private static final HexFormat HEX = HexFormat.of();

  private HexKey() {}

  public static byte[] bytes(String hex) {
    return HEX.parseHex(hex);
  }

  public static String read(ResultSet row, String column) throws SQLException {
    byte[] bytes = row.getBytes(column);
    return bytes == null ? null : HEX.formatHex(bytes);
  }
}
