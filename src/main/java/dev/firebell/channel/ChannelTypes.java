package dev.firebell.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.channel.discord.DiscordChannel;
import dev.firebell.channel.email.EmailChannel;
import dev.firebell.channel.gateway.HttpGatewayChannel;
import dev.firebell.channel.mattermost.MattermostChannel;
import dev.firebell.channel.ntfy.NtfyChannel;
import dev.firebell.channel.pushover.PushoverChannel;
import dev.firebell.channel.slack.SlackChannel;
import dev.firebell.channel.teams.TeamsChannel;
import dev.firebell.channel.telegram.TelegramChannel;
import dev.firebell.channel.twilio.PhoneContacts;
import dev.firebell.channel.twilio.SmsChannel;
import dev.firebell.channel.twilio.VoiceChannel;
import dev.firebell.channel.webhook.WebhookChannel;
import dev.firebell.config.FirebellConfig;
import dev.firebell.oncall.contact.Contact;
import dev.firebell.oncall.contact.ContactEntry;
import dev.firebell.oncall.contact.ContactType;
import dev.firebell.oncall.contact.EmailContact;
import dev.firebell.oncall.contact.GatewayContact;
import dev.firebell.oncall.contact.NtfyContact;
import dev.firebell.oncall.contact.PhoneContact;
import dev.firebell.oncall.contact.PushoverContact;
import dev.firebell.oncall.contact.SlackContact;
import dev.firebell.oncall.contact.TelegramContact;
import dev.firebell.oncall.contact.UrlContact;
import dev.firebell.security.LinkTokens;
import dev.firebell.text.Templates;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The registry of channels: for each contact type, the contact it reads from oncall.yaml and the
 * channel that sends to it. Adding a channel is a folder of its own and one line here (with its
 * {@link ContactType} and, when it needs a new shape, a {@link Contact} record).
 */
public final class ChannelTypes {
  private ChannelTypes() {}

  /** What the channels are built from. */
  public record Deps(
      FirebellConfig config,
      HttpDelivery http,
      ObjectMapper json,
      Templates templates,
      LinkTokens tokens,
      TelegramChannel telegram,
      Clock clock) {}

  /**
   * One channel: the contact type it serves, the contact class it takes and reads, and how it is
   * built ({@code null} when firebell.yaml does not configure it).
   */
  public record ChannelType<C extends Contact>(
      ContactType type,
      Class<C> contactClass,
      ContactReader<C> reader,
      Function<Deps, Channel<C>> build) {}

  static final List<ChannelType<?>> ALL =
      List.of(
          urls(ContactType.WEBHOOK, deps -> new WebhookChannel(deps.http(), deps.json())),
          new ChannelType<>(
              ContactType.SLACK,
              SlackContact.class,
              SlackChannel::read,
              deps -> new SlackChannel(deps.http(), deps.json(), deps.config().slack())),
          urls(ContactType.DISCORD, deps -> new DiscordChannel(deps.http(), deps.json())),
          urls(ContactType.TEAMS, deps -> new TeamsChannel(deps.http(), deps.json())),
          urls(
              ContactType.MATTERMOST,
              deps ->
                  new MattermostChannel(
                      deps.http(), deps.json(), deps.config().server().publicUrl())),
          new ChannelType<>(
              ContactType.NTFY,
              NtfyContact.class,
              NtfyChannel::read,
              deps -> new NtfyChannel(deps.http(), deps.json())),
          new ChannelType<>(
              ContactType.HTTP,
              GatewayContact.class,
              HttpGatewayChannel::read,
              deps -> new HttpGatewayChannel(deps.http(), deps.json())),
          new ChannelType<>(
              ContactType.EMAIL,
              EmailContact.class,
              EmailChannel::read,
              deps ->
                  deps.config().smtp().isConfigured()
                      ? new EmailChannel(
                          deps.config().smtp(),
                          deps.templates(),
                          deps.config().paging().requestTimeout())
                      : null),
          new ChannelType<>(
              ContactType.SMS,
              PhoneContact.class,
              PhoneContacts.reader(ContactType.SMS),
              deps -> new SmsChannel(deps.http(), deps.config().twilio())),
          new ChannelType<>(
              ContactType.VOICE,
              PhoneContact.class,
              PhoneContacts.reader(ContactType.VOICE),
              deps ->
                  new VoiceChannel(
                      deps.http(),
                      deps.config().twilio(),
                      deps.tokens(),
                      deps.config().server().publicUrl(),
                      deps.clock())),
          new ChannelType<>(
              ContactType.PUSHOVER,
              PushoverContact.class,
              PushoverChannel::read,
              deps -> new PushoverChannel(deps.http(), deps.config().pushover(), deps.json())),
          new ChannelType<>(
              ContactType.TELEGRAM, TelegramContact.class, TelegramChannel::read, Deps::telegram));

  private static final Map<ContactType, ChannelType<?>> BY_TYPE = byType();

  private static Map<ContactType, ChannelType<?>> byType() {
    Map<ContactType, ChannelType<?>> types = new EnumMap<>(ContactType.class);
    ALL.forEach(type -> types.put(type.type(), type));
    return types;
  }

  /** A channel that posts to a URL: the webhook and the chat services' incoming webhooks. */
  private static ChannelType<UrlContact> urls(
      ContactType type, Function<Deps, Channel<UrlContact>> build) {
    return new ChannelType<>(
        type,
        UrlContact.class,
        (entry, check) -> {
          check.httpUrl(entry.url(), "url");
          return new UrlContact(type, entry.url());
        },
        build);
  }

  /** Reads a contact entry with the reader of its {@code type}. */
  public static Contact read(ContactEntry entry, ContactCheck check) {
    String name = check.required(entry.type(), "type");
    ContactType type =
        ContactType.parse(name)
            .orElseThrow(
                () ->
                    check.problem(
                        "type",
                        "unknown contact type '"
                            + name
                            + "' (use webhook, slack, discord, ntfy, email, sms, teams,"
                            + " mattermost, http, pushover, telegram or voice)"));
    return BY_TYPE.get(type).reader().read(entry, check);
  }
}
