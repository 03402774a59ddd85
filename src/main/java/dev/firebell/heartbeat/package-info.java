/**
 * Heartbeats: a sender that stops beating opens an incident, and one that beats again resolves it.
 */
package dev.firebell.heartbeat;
