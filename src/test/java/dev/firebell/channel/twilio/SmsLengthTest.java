package dev.firebell.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Twilio's counting of SMS segments, and the cut that keeps a page within three of them. */
class SmsLengthTest {
  @Test
  void plainTextIsGsmSevenBitOneSeptetACharacter() {
    assertThat(SmsLength.isGsm("SEV-2 Disk full @db1")).isTrue();
    assertThat(SmsLength.units("SEV-2")).isEqualTo(5);
  }

  @Test
  void extensionCharactersTakeTwoSeptets() {
    assertThat(SmsLength.units("[€]")).isEqualTo(6);
  }

  @Test
  void anyCharacterOutsideTheGsmAlphabetMakesTheWholeTextUcs2() {
    assertThat(SmsLength.isGsm("Disk full ✅")).isFalse();
    assertThat(SmsLength.units("ab✅")).isEqualTo(3);
  }

  @Test
  void segmentsAre160Or153SeptetsInGsm() {
    assertThat(SmsLength.segments("a".repeat(160))).isEqualTo(1);
    assertThat(SmsLength.segments("a".repeat(161))).isEqualTo(2);
    assertThat(SmsLength.segments("a".repeat(306))).isEqualTo(2);
    assertThat(SmsLength.segments("a".repeat(307))).isEqualTo(3);
  }

  @Test
  void segmentsAre70Or67UnitsInUcs2() {
    assertThat(SmsLength.segments("✅".repeat(70))).isEqualTo(1);
    assertThat(SmsLength.segments("✅".repeat(71))).isEqualTo(2);
    assertThat(SmsLength.segments("✅".repeat(134))).isEqualTo(2);
    assertThat(SmsLength.segments("✅".repeat(135))).isEqualTo(3);
  }

  @Test
  void aShortTextIsLeftAlone() {
    assertThat(SmsLength.fit("SEV-2 Disk full", " https://f.example/ack/x"))
        .isEqualTo("SEV-2 Disk full https://f.example/ack/x");
  }

  @Test
  void aLongHeadlineIsCutButTheLinkIsKept() {
    String tail = " https://firebell.example/ack/" + "t".repeat(60);
    String text = SmsLength.fit("x".repeat(1000), tail);
    assertThat(text).endsWith("..." + tail);
    assertThat(SmsLength.units(text)).isEqualTo(SmsLength.GSM_LIMIT);
    assertThat(SmsLength.segments(text)).isEqualTo(3);
  }

  @Test
  void aUcs2HeadlineIsCutToTheUcs2LimitWithoutSplittingASurrogatePair() {
    String tail = " https://f.example/a";
    String text = SmsLength.fit("😀".repeat(500), tail);
    assertThat(text).endsWith("…" + tail);
    assertThat(SmsLength.units(text)).isLessThanOrEqualTo(SmsLength.UCS2_LIMIT);
    String headline = text.substring(0, text.length() - tail.length() - 1);
    assertThat(headline.codePoints().allMatch(c -> c == "😀".codePointAt(0))).isTrue();
  }
}
