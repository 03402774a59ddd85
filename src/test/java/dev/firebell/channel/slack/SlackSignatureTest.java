package dev.firebell.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.channel.slack.SlackSignature.Check;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The worked example of Slack's "Verifying requests from Slack", and what must be refused. */
class SlackSignatureTest {
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final String TIMESTAMP = "1531420618";
  private static final String BODY =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
          + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
          + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com"
          + "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
          + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
  private static final String SIGNATURE =
      "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
  private static final Instant SENT = Instant.ofEpochSecond(1531420618);

  @Test
  void slacksExampleIsSignedAsSlackSignsIt() {
    assertThat(SlackSignature.sign(SECRET, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
    assertThat(SlackSignature.check(SECRET, TIMESTAMP, SIGNATURE, BODY, SENT.plusSeconds(2)))
        .isEqualTo(Check.VALID);
  }

  @Test
  void aReplaySixMinutesLateIsRefusedAndFiveMinutesIsNot() {
    assertThat(
            SlackSignature.check(
                SECRET, TIMESTAMP, SIGNATURE, BODY, SENT.plus(Duration.ofMinutes(6))))
        .isEqualTo(Check.STALE);
    assertThat(
            SlackSignature.check(
                SECRET, TIMESTAMP, SIGNATURE, BODY, SENT.minus(Duration.ofMinutes(6))))
        .as("stamped in the future")
        .isEqualTo(Check.STALE);
    assertThat(
            SlackSignature.check(
                SECRET, TIMESTAMP, SIGNATURE, BODY, SENT.plus(Duration.ofMinutes(5))))
        .isEqualTo(Check.VALID);
  }

  @Test
  void aChangedByteTheWrongSecretOrNoHeadersAreRefused() {
    String changed = BODY.replace("roadrunner", "roadrunnes");
    assertThat(SlackSignature.check(SECRET, TIMESTAMP, SIGNATURE, changed, SENT))
        .isEqualTo(Check.MISMATCH);
    assertThat(SlackSignature.check("another secret", TIMESTAMP, SIGNATURE, BODY, SENT))
        .isEqualTo(Check.MISMATCH);
    assertThat(SlackSignature.check(SECRET, "1531420619", SIGNATURE, BODY, SENT))
        .as("another timestamp")
        .isEqualTo(Check.MISMATCH);
    assertThat(SlackSignature.check(SECRET, null, SIGNATURE, BODY, SENT)).isEqualTo(Check.MISSING);
    assertThat(SlackSignature.check(SECRET, TIMESTAMP, null, BODY, SENT)).isEqualTo(Check.MISSING);
    assertThat(SlackSignature.check(SECRET, "soon", SIGNATURE, BODY, SENT))
        .isEqualTo(Check.MISSING);
  }
}
