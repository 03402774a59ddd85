package dev.firebell.oncall;

import java.util.Map;

/** Sends incidents whose labels all match {@code match} to a policy; no match is a catch-all. */
public record Route(Map<String, String> match, String policy) {

  public boolean matches(Map<String, String> labels) {
    return match.entrySet().stream()
        .allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())));
  }
}
