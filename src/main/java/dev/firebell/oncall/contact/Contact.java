package dev.firebell.oncall.contact;

/**
 * One way to reach a person, as its channel needs it: a URL for the webhook and chat channels (or a
 * Slack channel id), a URL with a topic for ntfy, a request template for the HTTP gateway, an
 * address for email, a phone number for SMS and voice, a user key for Pushover, a chat id for
 * Telegram. Each channel reads and checks its own entry of oncall.yaml ({@code
 * dev.firebell.channel.ChannelTypes}).
 */
public sealed interface Contact
    permits UrlContact,
        SlackContact,
        NtfyContact,
        GatewayContact,
        EmailContact,
        PhoneContact,
        PushoverContact,
        TelegramContact {
  ContactType type();

  /** How the contact shows in timelines: the channel, never the address or token. */
  default String channel() {
    return type().id();
  }
}
