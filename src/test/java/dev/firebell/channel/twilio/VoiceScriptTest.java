package dev.firebell.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Alert text read out on a call cannot break out of TwiML's {@code <Say>}. */
class VoiceScriptTest {
  @Test
  void theIncidentIsReadOutAsTheIssueGivesIt() {
    assertThat(VoiceScript.speech("SEV-2", "Pizza creation failures", "jwt-pizza-service"))
        .isEqualTo(
            "Firebell. SEV-2. Pizza creation failures on jwt-pizza-service. Press 1 to"
                + " acknowledge, 2 to hear it again.");
  }

  @Test
  void markupInAlertTextIsEscapedAndALongTitleIsCut() {
    String twiml =
        VoiceScript.gather(
            VoiceScript.speech("SEV-1", "</Say><Dial>+1900</Dial>" + "x".repeat(5_000), null),
            "https://f.example/twilio/voice/a.b?c=1&d=2");
    assertThat(twiml).doesNotContain("<Dial>").contains("&lt;/Say&gt;&lt;Dial&gt;");
    assertThat(twiml).contains("action=\"https://f.example/twilio/voice/a.b?c=1&amp;d=2\"");
    assertThat(twiml.length()).isLessThan(1_500);
  }
}
