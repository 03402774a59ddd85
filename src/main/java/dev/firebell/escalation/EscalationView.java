package dev.firebell.escalation;

import java.time.Instant;
import java.util.List;

/**
 * What paging is doing for an incident, as a responder reads it: the policy and the step that last
 * ran ({@code step} of {@code of}), when the next one fires and whom it pages, every page with its
 * delivery status, and why nobody was paged when nobody was.
 */
public record EscalationView(
    String policy,
    String state,
    Integer step,
    Integer of,
    Instant nextAt,
    List<String> nextTargets,
    List<String> nextPeople,
    List<Paged> paged,
    String nobodyPaged) {

  /** One page: to whom, on which contact, when it was queued or delivered, and how it stands. */
  public record Paged(String person, String contact, String channel, Instant at, String status) {}
}
