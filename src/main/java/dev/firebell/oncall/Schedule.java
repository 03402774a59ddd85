package dev.firebell.oncall;

import java.time.ZoneId;
import java.util.List;

/** Who is on call when; times in the schedule are wall-clock times in {@code timeZone}. */
public record Schedule(
    String id, ZoneId timeZone, List<Rotation> rotations, List<ScheduleOverride> overrides) {}
