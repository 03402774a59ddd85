package dev.firebell.config;

/** Someone who can log in to the web interface, acting as on-call person {@code person}. */
public record UserConfig(String username, String passwordHash, String person) {}
