package dev.firebell.oncall;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * People taking turns: the first from {@code start}, the next after {@code every}, and so on.
 * Hand-offs keep the start's wall-clock time in the schedule's zone, across daylight-saving
 * changes.
 */
public record Rotation(LocalDateTime start, Duration every, List<String> people) {}
