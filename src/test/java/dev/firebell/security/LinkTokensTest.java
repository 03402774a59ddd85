package dev.firebell.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LinkTokensTest {
  private static final Instant NOW = Instant.parse("2026-11-28T16:10:00Z");
  private final LinkTokens tokens = new LinkTokens("a secret for tests", Duration.ofHours(24));

  @Test
  void anIssuedTokenVerifiesForItsAction() {
    String token = tokens.issue(7, "tessa", LinkAction.ACK, NOW);
    LinkClaims claims = tokens.verify(token, LinkAction.ACK, NOW);
    assertThat(claims.incidentId()).isEqualTo(7);
    assertThat(claims.personId()).isEqualTo("tessa");
  }

  /**
   * "=" padding and other last characters decode to the same bytes; only one spelling is a link.
   */
  @Test
  void everyOtherSpellingOfATokenIsMalformed() {
    String token = tokens.issue(7, "tessa", LinkAction.ACK, NOW);
    for (String other : new String[] {token + "=", token + "==", withLastCharacterRaised(token)}) {
      assertThatThrownBy(() -> tokens.verify(other, LinkAction.ACK, NOW))
          .isInstanceOf(InvalidLink.class)
          .extracting(e -> ((InvalidLink) e).reason())
          .isIn(InvalidLink.Reason.MALFORMED, InvalidLink.Reason.FORGED);
    }
  }

  @Test
  void theUseKeyIsTheTokensRandomPartAndDiffersPerToken() {
    String first = tokens.issue(7, "tessa", LinkAction.ACK, NOW);
    String second = tokens.issue(7, "tessa", LinkAction.ACK, NOW);
    assertThat(tokens.verify(first, LinkAction.ACK, NOW).tokenHash())
        .isEqualTo(tokens.verify(first, LinkAction.ACK, NOW).tokenHash())
        .isNotEqualTo(tokens.verify(second, LinkAction.ACK, NOW).tokenHash());
  }

  @Test
  void aTokenForOneActionDoesNotDoTheOther() {
    String ack = tokens.issue(7, "tessa", LinkAction.ACK, NOW);
    assertThatThrownBy(() -> tokens.verify(ack, LinkAction.RESOLVE, NOW))
        .isInstanceOf(InvalidLink.class);
  }

  @Test
  void aTokenExpiresAfterItsTimeToLive() {
    String token = tokens.issue(7, "tessa", LinkAction.ACK, NOW);
    assertThat(tokens.verify(token, LinkAction.ACK, NOW.plus(Duration.ofHours(23))).incidentId())
        .isEqualTo(7);
    assertThatThrownBy(() -> tokens.verify(token, LinkAction.ACK, NOW.plus(Duration.ofHours(25))))
        .isInstanceOf(InvalidLink.class)
        .extracting(e -> ((InvalidLink) e).reason())
        .isEqualTo(InvalidLink.Reason.EXPIRED);
  }

  @Test
  void aTokenSignedWithAnotherSecretIsForged() {
    String foreign =
        new LinkTokens("another secret", Duration.ofHours(24))
            .issue(7, "tessa", LinkAction.ACK, NOW);
    assertThatThrownBy(() -> tokens.verify(foreign, LinkAction.ACK, NOW))
        .isInstanceOf(InvalidLink.class)
        .extracting(e -> ((InvalidLink) e).reason())
        .isEqualTo(InvalidLink.Reason.FORGED);
  }

  @Test
  void garbageIsMalformed() {
    for (String garbage : new String[] {"", "x", "not a token", "a".repeat(500)}) {
      assertThatThrownBy(() -> tokens.verify(garbage, LinkAction.ACK, NOW))
          .isInstanceOf(InvalidLink.class);
    }
  }

  /** The last base64 character carries unused low bits: raising them keeps the decoded bytes. */
  private static String withLastCharacterRaised(String token) {
    char last = token.charAt(token.length() - 1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int index = alphabet.indexOf(last);
    return token.substring(0, token.length() - 1) + alphabet.charAt((index + 1) % 64);
  }
}
