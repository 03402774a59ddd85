package dev.firebell.oncall;

/** A person on call in a schedule, and the override that put them there (null: the rotation). */
public record OnDuty(String person, ScheduleOverride via) {}
