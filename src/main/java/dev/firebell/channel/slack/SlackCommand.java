package dev.firebell.channel.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code /firebell} command asks, read from its text: {@code oncall}, {@code ack <id>},
 * {@code resolve <id>}, {@code page <person|schedule> <title>}; anything else asks for help.
 */
public sealed interface SlackCommand {
  record WhoIsOnCall() implements SlackCommand {}

  record Acknowledge(long incidentId) implements SlackCommand {}

  record Resolve(long incidentId) implements SlackCommand {}

  /** {@code target} as written: a person or schedule id, or {@code person:…}/{@code schedule:…}. */
  record Page(String target, String title) implements SlackCommand {}

  /** {@code problem}: what was wrong with the command, or null when help was asked for. */
  record Help(String problem) implements SlackCommand {}

  String USAGE =
      "`/firebell oncall`: who is on call now and next\n"
          + "`/firebell ack 12`, `/firebell resolve 12`: acknowledge or resolve incident #12\n"
          + "`/firebell page <person|schedule> <title>`: open an incident and page them";

  Pattern ACTION = Pattern.compile("(ack|acknowledge|resolve)\\s+#?([0-9]{1,18})");
  Pattern PAGE =
      Pattern.compile("page\\s+(\\S+)\\s+(.+)", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

  static SlackCommand parse(String text) {
    String command = text == null ? "" : text.strip();
    String word = command.split("\\s+", 2)[0].toLowerCase(java.util.Locale.ROOT);
    switch (word) {
      case "", "help" -> {
        return new Help(null);
      }
      case "oncall", "who" -> {
        return new WhoIsOnCall();
      }
      case "ack", "acknowledge", "resolve" -> {
        Matcher matcher = ACTION.matcher(command.toLowerCase(java.util.Locale.ROOT));
        if (!matcher.matches()) {
          return new Help(
              "`" + word + "` needs an incident number, like `/firebell " + word + " 12`");
        }
        long id = Long.parseLong(matcher.group(2));
        return word.equals("resolve") ? new Resolve(id) : new Acknowledge(id);
      }
      case "page" -> {
        Matcher matcher = PAGE.matcher(command);
        if (!matcher.matches() || matcher.group(2).isBlank()) {
          return new Help(
              "`page` needs whom to page and a title, like `/firebell page primary Checkout is down`");
        }
        return new Page(matcher.group(1), matcher.group(2).strip());
      }
      default -> {
        return new Help("unknown command `" + word + "`");
      }
    }
  }
}
