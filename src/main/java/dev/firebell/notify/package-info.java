/**
 * What goes to people: pages and status updates, digests of folded pages, notices that belong to no
 * incident, the storm rate limit ({@link dev.firebell.notify.StormLimit}, pure), and the outbox
 * tables they are kept in.
 */
package dev.firebell.notify;
