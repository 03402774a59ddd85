package dev.firebell.incident.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * What merging a notification needs to know of a stored alert instance: its status, the start of
 * its current episode and, when the notification carries numbers, the highest values seen while it
 * fired. Read without the labels and annotations, which a storm has thousands of.
 */
public record AlertState(
    String fingerprint, AlertStatus status, Instant startsAt, JsonNode peakValues) {}
