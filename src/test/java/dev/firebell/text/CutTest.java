package dev.firebell.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CutTest {

  @Test
  void shortTextIsKept() {
    assertThat(Cut.toChars("pizza", 5)).isEqualTo("pizza");
    assertThat(Cut.toUtf8Bytes("pizza", 5)).isEqualTo("pizza");
    assertThat(Cut.toChars(null, 5)).isNull();
  }

  @Test
  void longTextEndsInAnEllipsisWithinTheLimit() {
    assertThat(Cut.toChars("pizza oven", 6)).isEqualTo("pizza…").hasSize(6);
  }

  @Test
  void aSurrogatePairIsNeverSplit() {
    String text = "ab🔥cd";
    String cut = Cut.toChars(text, 4); // room for 3: "ab" + half of the emoji
    assertThat(cut).isEqualTo("ab…");
    assertThat(cut.codePoints().allMatch(Character::isValidCodePoint)).isTrue();
    assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
  }

  @Test
  void bytesCountUtf8AndNeverSplitACharacter() {
    String text = "漢字漢字漢字"; // 3 bytes each
    String cut = Cut.toUtf8Bytes(text, 10); // "…" is 3 bytes, room for 7: two characters
    assertThat(cut).isEqualTo("漢字…");
    assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(10);
    assertThat(Cut.utf8Length("a🔥")).isEqualTo(5);
  }
}
