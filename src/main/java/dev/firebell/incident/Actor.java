package dev.firebell.incident;

/**
 * Who did something and how: a person (by on-call id and name) through a link, the API or the UI.
 */
public record Actor(String personId, String name, String via) {}
