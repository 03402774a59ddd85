package dev.firebell.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the people, schedules, escalation policies and routes live. A file named here must exist;
 * without a name, {@code config/oncall.yaml} is read if it exists and nobody is paged otherwise.
 * Everyone is told on their contacts when their shift starts, and also {@code handoffNotice} before
 * it when that is set.
 */
public record OnCallSettings(String file, Duration handoffNotice) {
  public static final String DEFAULT_FILE = "config/oncall.yaml";

  public OnCallSettings {
    file = file == null || file.isBlank() ? null : file;
  }

  public OnCallSettings(String file) {
    this(file, null);
  }

  public static OnCallSettings defaults() {
    return new OnCallSettings(null, null);
  }

  public Path path() {
    return Path.of(file == null ? DEFAULT_FILE : file);
  }

  public boolean isExplicit() {
    return file != null;
  }
}
