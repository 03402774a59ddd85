package dev.firebell.config;

import java.nio.file.Path;

/**
 * Where the people, schedules, escalation policies and routes live. A file named here must exist;
 * without a name, {@code config/oncall.yaml} is read if it exists and nobody is paged otherwise.
 */
public record OnCallSettings(String file) {
  public static final String DEFAULT_FILE = "config/oncall.yaml";

  public OnCallSettings {
    file = file == null || file.isBlank() ? null : file;
  }

  public static OnCallSettings defaults() {
    return new OnCallSettings(null);
  }

  public Path path() {
    return Path.of(file == null ? DEFAULT_FILE : file);
  }

  public boolean isExplicit() {
    return file != null;
  }
}
