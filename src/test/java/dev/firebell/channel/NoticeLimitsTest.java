package dev.firebell.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebell.channel.discord.DiscordChannel;
import dev.firebell.channel.mattermost.MattermostChannel;
import dev.firebell.channel.ntfy.NtfyChannel;
import dev.firebell.channel.slack.SlackChannel;
import dev.firebell.channel.slack.SlackConfig;
import dev.firebell.channel.teams.TeamsChannel;
import dev.firebell.channel.twilio.SmsChannel;
import dev.firebell.channel.twilio.SmsLength;
import dev.firebell.json.Json;
import dev.firebell.oncall.contact.NtfyContact;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A notice whose reason someone typed at length, with Markdown, mentions and emoji: every channel
 * keeps it within the service's limits, shows the typed text as text, and keeps the "Take this
 * shift" link whole.
 */
class NoticeLimitsTest {
  private static final ObjectMapper JSON = Json.mapper();
  private static final String TYPED =
      "🔥 @channel @everyone *bold* [x](https://evil.example) <b>&amp; ";
  private static final String TAKE = "https://firebell.example.com/swap/abc.def";
  private static final Notice NOTICE =
      new Notice(
          Notice.COVER_REQUEST,
          "Tessa asks for cover: primary, " + TYPED.repeat(200),
          "Tessa asks someone to take their shift (" + TYPED.repeat(5_000) + ")",
          new PageMessage.Recipient("sam", "Sam"),
          "primary",
          Instant.parse("2026-11-29T16:00:00Z"),
          Instant.parse("2026-11-30T04:00:00Z"),
          List.of("Tessa"),
          "https://firebell.example.com/oncall",
          "Take this shift",
          TAKE);

  @Test
  void webhookCarriesTheNoticeAsItsContract() throws Exception {
    JsonNode body = JSON.readTree(dev.firebell.json.Json.write(JSON, NOTICE));
    assertThat(body.get("kind").asText()).isEqualTo("cover-request");
    assertThat(body.get("from").asText()).isEqualTo("2026-11-29T16:00:00Z");
    assertThat(body.get("actionUrl").asText()).isEqualTo(TAKE);
    assertThat(JSON.readValue(body.toString(), Notice.class)).isEqualTo(NOTICE);
  }

  @Test
  void slackKeepsWithinBlockKitAndEscapesTypedText() {
    ObjectNode body = new SlackChannel(null, JSON, SlackConfig.defaults()).body(NOTICE);
    assertThat(body.get("text").asText()).hasSizeLessThanOrEqualTo(3_000);
    JsonNode blocks = body.get("blocks");
    assertThat(blocks.get(0).get("text").get("text").asText()).hasSizeLessThanOrEqualTo(150);
    String section = blocks.get(1).get("text").get("text").asText();
    assertThat(section).hasSizeLessThanOrEqualTo(3_000).doesNotContain("<b>").contains("&lt;b&gt;");
    assertThat(blocks.findValuesAsText("url")).contains(TAKE);
  }

  @Test
  void discordKeepsWithinEmbedLimitsWithMentionsOff() {
    ObjectNode body = new DiscordChannel(null, JSON).body(NOTICE);
    assertThat(body.get("content").asText()).hasSizeLessThanOrEqualTo(2_000);
    assertThat(body.get("allowed_mentions").get("parse")).isEmpty();
    JsonNode embed = body.get("embeds").get(0);
    String description = embed.get("description").asText();
    assertThat(embed.get("title").asText()).hasSizeLessThanOrEqualTo(256);
    assertThat(description)
        .hasSizeLessThanOrEqualTo(4_096)
        .contains("[Take this shift](" + TAKE + ")");
    assertThat(description).doesNotContain(" [x](https://evil.example)").contains("\\[x\\]");
    assertThat(embed.get("title").asText().length() + description.length())
        .isLessThanOrEqualTo(6_000);
  }

  @Test
  void ntfyKeepsItsMessageUnderFourKibWithTheLinkAsAnAction() {
    NtfyContact contact = new NtfyContact("https://ntfy.sh", "pages", null);
    ObjectNode body = new NtfyChannel(null, JSON).body(contact, NOTICE);
    assertThat(body.get("message").asText().getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(4_096);
    assertThat(body.get("title").asText()).hasSizeLessThanOrEqualTo(250).doesNotContain("\n");
    assertThat(body.get("actions").get(0).get("url").asText()).isEqualTo(TAKE);
  }

  @Test
  void teamsAndMattermostShowTypedTextAsTextWithTheLinkWhole() {
    JsonNode card =
        new TeamsChannel(null, JSON).body(NOTICE).get("attachments").get(0).get("content");
    assertThat(card.get("actions").get(0).get("url").asText()).isEqualTo(TAKE);
    assertThat(card.get("body").toString()).doesNotContain("[x](https://evil.example)");
    JsonNode attachment =
        new MattermostChannel(null, JSON, "https://firebell.example.com")
            .body(NOTICE)
            .get("attachments")
            .get(0);
    assertThat(attachment.get("text").asText())
        .contains("[Take this shift](" + TAKE + ")")
        .doesNotContain("@channel")
        .hasSizeLessThanOrEqualTo(4_000);
  }

  @Test
  void smsFitsThreeSegmentsWithTheLinkWhole() {
    String text = SmsChannel.text(NOTICE);
    assertThat(SmsLength.segments(text)).isLessThanOrEqualTo(3);
    assertThat(text).endsWith(" Take this shift: " + TAKE);
  }
}
