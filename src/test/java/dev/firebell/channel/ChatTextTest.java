package dev.firebell.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.channel.discord.DiscordChannel;
import dev.firebell.channel.slack.SlackChannel;
import org.junit.jupiter.api.Test;

/** Alert text on Discord and Slack is shown as written: no links of its own, no mentions. */
class ChatTextTest {

  @Test
  void discordShowsAMaskedLinkFromAnAlertAsText() {
    String escaped = DiscordChannel.escape("[Acknowledge](https://evil.example/ack) @everyone");
    assertThat(escaped)
        .doesNotContain("[Acknowledge](https")
        .startsWith("\\[Acknowledge\\]\\(https")
        .contains("\\@everyone");
  }

  @Test
  void slackShowsItsLinkAndMentionSyntaxFromAnAlertAsText() {
    String escaped = SlackChannel.escape("<https://evil.example|Acknowledge> <!channel>");
    assertThat(escaped).doesNotContain("<").doesNotContain(">").contains("&lt;!channel&gt;");
  }
}
