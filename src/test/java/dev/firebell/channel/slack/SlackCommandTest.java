package dev.firebell.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackCommandTest {
  @Test
  void eachCommandIsRead() {
    assertThat(SlackCommand.parse("oncall")).isEqualTo(new SlackCommand.WhoIsOnCall());
    assertThat(SlackCommand.parse("  ONCALL ")).isEqualTo(new SlackCommand.WhoIsOnCall());
    assertThat(SlackCommand.parse("ack 12")).isEqualTo(new SlackCommand.Acknowledge(12));
    assertThat(SlackCommand.parse("acknowledge #12")).isEqualTo(new SlackCommand.Acknowledge(12));
    assertThat(SlackCommand.parse("resolve 7")).isEqualTo(new SlackCommand.Resolve(7));
    assertThat(SlackCommand.parse("page primary Checkout is down"))
        .isEqualTo(new SlackCommand.Page("primary", "Checkout is down"));
    assertThat(SlackCommand.parse("Page person:sam  Disk full on db-2 "))
        .isEqualTo(new SlackCommand.Page("person:sam", "Disk full on db-2"));
  }

  @Test
  void anythingElseAsksForHelpSayingWhatWasWrong() {
    assertThat(SlackCommand.parse("")).isEqualTo(new SlackCommand.Help(null));
    assertThat(SlackCommand.parse(null)).isEqualTo(new SlackCommand.Help(null));
    assertThat(SlackCommand.parse("help")).isEqualTo(new SlackCommand.Help(null));
    assertThat(((SlackCommand.Help) SlackCommand.parse("ack")).problem())
        .isEqualTo("`ack` needs an incident number, like `/firebell ack 12`");
    assertThat(((SlackCommand.Help) SlackCommand.parse("ack twelve")).problem())
        .contains("needs an incident number");
    assertThat(((SlackCommand.Help) SlackCommand.parse("page primary")).problem())
        .contains("needs whom to page and a title");
    assertThat(((SlackCommand.Help) SlackCommand.parse("dance")).problem())
        .isEqualTo("unknown command `dance`");
  }
}
