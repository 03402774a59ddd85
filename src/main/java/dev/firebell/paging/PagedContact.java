package dev.firebell.paging;

/** A contact that received a page for an incident. */
public record PagedContact(String personId, int contactIndex, String channel) {}
