package dev.firebell.oncall;

import java.util.List;

/** Someone who can be paged, on every one of their contacts in order. */
public record Person(String id, String name, List<Contact> contacts) {}
