package dev.firebell.channel.slack;

/**
 * A message the app posted, as Slack names it: the conversation it is in and its {@code ts}. Kept
 * with the page's delivery as {@code C0123ABCD/1503435956.000247}, so a press on its buttons can be
 * checked against the page, and the message edited later.
 */
public record SlackMessageId(String channel, String ts) {

  public static SlackMessageId of(String channel, String ts) {
    return new SlackMessageId(channel, ts);
  }

  /** As {@link #text()} wrote it. */
  public static SlackMessageId parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not a Slack message id: " + text);
    }
    return new SlackMessageId(text.substring(0, slash), text.substring(slash + 1));
  }

  public String text() {
    return channel + "/" + ts;
  }
}
