package dev.firebell.store;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Removes the rows one package no longer needs, on a transaction {@link Housekeeping} gives it;
 * returns how many went. Each package prunes only its own tables.
 */
@FunctionalInterface
public interface Pruning {
  int prune(Handle handle, Instant now);
}
