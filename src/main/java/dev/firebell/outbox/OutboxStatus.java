package dev.firebell.outbox;

/**
 * A status an outbox row can be in, as its {@code status} column keeps it (by name); each outbox
 * package has an enum of its own.
 */
public interface OutboxStatus {
  String name();
}
