package dev.firebell.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The template renders the draft tidied, whole or into a writer, and says when writing fails. */
class PostmortemTemplateTest {
  private static final PostmortemTemplate TEMPLATE =
      PostmortemTemplate.compile(
          "\n# Incident {{incidentId}}\n\n\n\n{{#sections}}## {{title}}\n\n{{body}}\n\n\n{{/sections}}",
          "test template");
  private static final Postmortem DRAFT =
      new Postmortem(
          7,
          "2026-12-06 14-00-00",
          null,
          List.of(
              new Postmortem.Section("summary", "Summary", true, false, "It broke."),
              new Postmortem.Section("timeline", "Timeline", true, false, "- _14:00_ - fired")));

  @Test
  void rendersTheSameWholeAndIntoAWriter() throws IOException {
    StringWriter out = new StringWriter();
    TEMPLATE.render(DRAFT, out);
    assertThat(TEMPLATE.render(DRAFT))
        .isEqualTo(out.toString())
        .isEqualTo("# Incident 7\n\n## Summary\n\nIt broke.\n\n## Timeline\n\n- _14:00_ - fired\n");
  }

  @Test
  void aFailedWriteIsTheWritersIOException() {
    IOException gone = new IOException("the client went away");
    Writer failing =
        new Writer() {
          @Override
          public void write(char[] text, int offset, int length) throws IOException {
            throw gone;
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    assertThatThrownBy(() -> TEMPLATE.render(DRAFT, failing)).isSameAs(gone);
  }
}
