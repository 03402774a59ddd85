package dev.firebell.config;

/** A configuration problem, worded as one line naming the file, the key and what is wrong. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String file, String key, String problem) {
    super(file + ": " + (key == null || key.isEmpty() ? "" : key + ": ") + problem);
  }

  public ConfigException(String file, String problem) {
    this(file, null, problem);
  }
}
