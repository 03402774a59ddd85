package dev.firebell.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The draft is tidied as it is written, in whatever pieces the template writes it: the same text as
 * collapsing runs of line breaks and stripping the whole document would give.
 */
class TidyMarkdownWriterTest {
  private static final List<String> DRAFTS =
      List.of(
          "",
          " \n\t\n",
          "# Title\n\n\n\n## Summary\n\nText.\n\n\n",
          "\n\n  # Title\n \n\n\n  - a\n- b  \n\n\n\n\n\n## End  \n \n",
          "one line",
          "a\n\nb\n\n\nc\n\n\n\nd",
          "tabs\t\t\nand \u00a0non-breaking\n\n\n\u2026 ellipsis\n\n");

  @Test
  void givesWhatTidyingTheWholeDocumentGives() throws IOException {
    for (String draft : DRAFTS) {
      assertThat(tidied(draft, draft.length() + 1)).as(draft).isEqualTo(tidiedWhole(draft));
    }
  }

  @Test
  void piecesMayEndAnywhere() throws IOException {
    for (String draft : DRAFTS) {
      for (int piece = 1; piece <= 4; piece++) {
        assertThat(tidied(draft, piece))
            .as(draft + " in pieces of " + piece)
            .isEqualTo(tidiedWhole(draft));
      }
    }
  }

  @Test
  void writesTextLongerThanOneSpanWhole() throws IOException {
    String draft = "x".repeat(20_000) + "\n\n\n\n" + "y".repeat(9_000);
    assertThat(tidied(draft, draft.length())).isEqualTo(tidiedWhole(draft));
  }

  /** What the template's output used to go through, whole. */
  private static String tidiedWhole(String draft) {
    return draft.replaceAll("\n{3,}", "\n\n").strip() + "\n";
  }

  /** Written in pieces, alternating strings and character arrays. */
  private static String tidied(String draft, int piece) throws IOException {
    StringWriter out = new StringWriter();
    TidyMarkdownWriter tidy = new TidyMarkdownWriter(out);
    for (int at = 0, n = 0; at < draft.length(); at += piece, n++) {
      String part = draft.substring(at, Math.min(draft.length(), at + piece));
      if (n % 2 == 0) {
        tidy.write(part);
      } else {
        tidy.write(part.toCharArray());
      }
    }
    tidy.finish();
    return out.toString();
  }
}
