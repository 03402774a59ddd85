package dev.firebell.incident;

/**
 * What {@link IncidentService} tells others: {@code handOff} works in the transaction of every
 * incident it opens, acknowledges or resolves (paging, silences, annotations); {@code observer}
 * hears each committed change (metrics); {@code onChange} asks the outbox for a pass once what the
 * hand-off queued is durable, so it goes out at once rather than at the next poll (a new incident's
 * pages are handed to a sender without one: {@link Queued}).
 */
public record IncidentHooks(IncidentHandOff handOff, IncidentObserver observer, Runnable onChange) {
  public static final IncidentHooks NONE =
      new IncidentHooks(IncidentHandOff.NONE, IncidentObserver.NONE, () -> {});
}
