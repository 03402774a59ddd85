package dev.firebell.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the people, schedules, escalation policies and routes live: a relative path is read from
 * the folder of firebell.yaml. A file named here must exist; without a name, {@code oncall.yaml}
 * beside firebell.yaml is read if it exists and nobody is paged otherwise. Everyone is told on
 * their contacts when their shift starts, and also {@code handoffNotice} before it when that is
 * set.
 */
public record OnCallSettings(String file, Duration handoffNotice) {
  public static final String DEFAULT_FILE = "oncall.yaml";

  public OnCallSettings {
    file = file == null || file.isBlank() ? null : file;
  }

  public OnCallSettings(String file) {
    this(file, null);
  }

  public static OnCallSettings defaults() {
    return new OnCallSettings(null, null);
  }

  /** The file as named, relative to the folder of {@code configFile} unless absolute. */
  public Path path(Path configFile) {
    Path named = Path.of(file == null ? DEFAULT_FILE : file);
    Path folder = configFile.toAbsolutePath().getParent();
    return named.isAbsolute() || folder == null ? named : folder.resolve(named).normalize();
  }

  /**
   * The name as earlier releases read it, from the working directory; a file found only there is
   * still read, with a warning to move the name.
   */
  public Path fromWorkingDirectory() {
    return Path.of(file == null ? "config/oncall.yaml" : file);
  }

  public boolean isExplicit() {
    return file != null;
  }
}
