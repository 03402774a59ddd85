package dev.firebell.importer;

import java.time.Instant;
import java.util.List;

/** One vendor's importer: reads its rota through its API, and its own rendering of a schedule. */
public interface VendorImport {
  /** The vendor's name as the report and {@code --verify} print it. */
  String vendor();

  /** Reads everything and maps it; overrides are read from {@code now} for 90 days. */
  Imported read(Instant now) throws ImportFailed;

  /**
   * The vendor's rendered final schedule of {@code vendorScheduleId} between the two instants, each
   * shift's person by the Firebell id {@link #read} gave them.
   */
  List<RotaCheck.Shift> rendered(String vendorScheduleId, Instant from, Instant to)
      throws ImportFailed;
}
