package dev.firebell.oncall;

import java.time.LocalDateTime;

/**
 * {@code person} replaces whoever the rotations put on call, from {@code from} until {@code to}.
 */
public record ScheduleOverride(String person, LocalDateTime from, LocalDateTime to) {}
