package dev.firebell.oncall.contact;

import java.time.Duration;

/** Page the contact {@code contactId} {@code after} a step (or a repeat) pages its person. */
public record NotificationRule(String contactId, Duration after) {}
