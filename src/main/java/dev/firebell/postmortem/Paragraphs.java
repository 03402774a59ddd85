package dev.firebell.postmortem;

/** Small text helpers the sections share. */
final class Paragraphs {
  private Paragraphs() {}

  /** Appends a person's text as its own paragraph, when there is any. */
  static void paragraph(StringBuilder text, String value) {
    if (value != null && !value.isBlank()) {
      text.append(value.strip()).append("\n\n");
    }
  }

  /** The text, stripped, or null when it is blank (a section with nothing known). */
  static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
