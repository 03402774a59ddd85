package dev.firebell.config;

import java.nio.file.Path;

/**
 * The draft postmortem's Mustache template and whether a section that has facts still shows the
 * template's guidance note. Without {@code template}, {@code config/postmortem.md.mustache} is used
 * if it exists, else the built-in copy of it.
 */
public record PostmortemConfig(String template, Boolean keepGuidance) {
  public static final String DEFAULT_TEMPLATE = "config/postmortem.md.mustache";

  public PostmortemConfig {
    template = template == null || template.isBlank() ? null : template;
    keepGuidance = keepGuidance != null && keepGuidance;
  }

  public static PostmortemConfig defaults() {
    return new PostmortemConfig(null, null);
  }

  public Path path() {
    return Path.of(template == null ? DEFAULT_TEMPLATE : template);
  }

  public boolean isExplicit() {
    return template != null;
  }
}
