package dev.firebell.importer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** How the importers read a vendor's values and write them into paths. */
public final class VendorValues {
  private VendorValues() {}

  /** An ISO-8601 time with an offset, or the import stops naming the vendor's field and value. */
  public static Instant instant(String vendor, String text, String field) throws ImportFailed {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new ImportFailed(
          vendor + " answered " + field + " '" + text + "', which is not a time");
    }
  }

  /** A vendor's id as one path segment or query value. */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
