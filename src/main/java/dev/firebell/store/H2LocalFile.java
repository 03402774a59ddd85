package dev.firebell.store;

import java.util.Locale;
import java.util.Optional;

/** The name of an embedded H2 database kept in a local file, read from its JDBC URL. */
final class H2LocalFile {
  private H2LocalFile() {}

  /**
   * {@code ./data/x} for {@code jdbc:h2:file:./data/x;MODE=...}, {@code ~/x} for {@code
   * jdbc:h2:~/x}; empty for memory, a server, or one of H2's other file systems.
   */
  static Optional<String> name(String url) {
    if (!url.startsWith("jdbc:h2:")) {
      return Optional.empty();
    }
    String name = url.substring("jdbc:h2:".length()).split(";", 2)[0];
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.startsWith("file:")) {
      return Optional.of(name.substring("file:".length()));
    }
    // A scheme of two letters or more: a drive letter (C:\x) is a local name.
    return lower.matches("^\\w{2,}:.*") ? Optional.empty() : Optional.of(name);
  }
}
