package dev.firebell.notify;

/** A contact that received a page for an incident. */
public record PagedContact(String personId, String contactId, String channel) {}
