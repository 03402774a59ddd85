/**
 * The one claim, lease, send and retry machine ({@link dev.firebell.outbox.LeasedSender}) every
 * outbox table is sent through, its rows ({@link dev.firebell.outbox.LeasedRows}) and the retry
 * rule ({@link dev.firebell.outbox.DeliveryPolicy}, pure).
 */
package dev.firebell.outbox;
