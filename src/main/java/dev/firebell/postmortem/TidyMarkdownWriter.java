package dev.firebell.postmortem;

import java.io.IOException;
import java.io.Writer;
import java.nio.CharBuffer;

/**
 * Tidies the rendered draft on its way out, without holding it: no whitespace at its start or end,
 * no more than one blank line in a row (the template's empty sections leave runs of them), and one
 * line break at the end. A storm's draft is megabytes; copying it for each of these steps filled
 * the heap with copies.
 */
final class TidyMarkdownWriter extends Writer {
  /** The target gets at most this much text per call (some writers copy each call's text). */
  private static final int SPAN = 8192;

  private final Writer target;
  private final StringBuilder whitespace = new StringBuilder();
  private boolean started;
  private boolean finished;

  TidyMarkdownWriter(Writer target) {
    this.target = target;
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    write((CharSequence) text, offset, offset + length);
  }

  @Override
  public void write(char[] text, int offset, int length) throws IOException {
    write(CharBuffer.wrap(text), offset, offset + length);
  }

  private void write(CharSequence text, int from, int to) throws IOException {
    int visible = from; // start of the run of text not yet written
    for (int i = from; i < to; i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        if (visible < i) {
          emit(text, visible, i);
        }
        whitespace.append(text.charAt(i));
        visible = i + 1;
      }
    }
    if (visible < to) {
      emit(text, visible, to);
    }
  }

  /** Writes text without whitespace, after the whitespace held before it. */
  private void emit(CharSequence text, int from, int to) throws IOException {
    if (started) {
      writeWhitespace();
    }
    whitespace.setLength(0);
    started = true;
    for (int at = from; at < to; at += SPAN) {
      int end = Math.min(to, at + SPAN);
      if (text instanceof String string) {
        target.write(string, at, end - at);
      } else {
        target.append(text, at, end);
      }
    }
  }

  /** The held whitespace with each run of three or more line breaks cut to two. */
  private void writeWhitespace() throws IOException {
    int breaks = 0;
    for (int i = 0; i < whitespace.length(); i++) {
      char c = whitespace.charAt(i);
      breaks = c == '\n' ? breaks + 1 : 0;
      if (breaks <= 2) {
        target.write(c);
      }
    }
  }

  /** Ends the draft with one line break; call once everything is written. */
  void finish() throws IOException {
    if (!finished) {
      finished = true;
      whitespace.setLength(0);
      target.write('\n');
    }
  }

  @Override
  public void flush() throws IOException {
    target.flush();
  }

  @Override
  public void close() throws IOException {
    finish();
    target.close();
  }
}
