package dev.firebell.outbox;

/**
 * A message sent under a lease: a page, a status update, a digest, a notice, a silence call or an
 * annotation call.
 */
public interface Leased {
  /** Identifies the message while it is being sent, so one pass does not take it twice. */
  Object key();

  /** The attempts made, counted by the claim (so the one under way is included). */
  int attempts();

  String channel();

  /** PAGE, STATUS_UPDATE, DIGEST, NOTICE, SILENCE or ANNOTATION, as metrics label it. */
  String kind();
}
