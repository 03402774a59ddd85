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
import dev.firebell.channel.twilio.SmsChannel;
import dev.firebell.channel.twilio.VoiceChannel;
import dev.firebell.channel.webhook.WebhookChannel;
import dev.firebell.config.FirebellConfig;
import dev.firebell.oncall.ContactType;
import dev.firebell.security.LinkTokens;
import io.pebbletemplates.pebble.PebbleEngine;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/** The channel for each contact type, sharing one HTTP client. */
public final class Channels {
  private final Map<ContactType, Channel> byType;
  private final HttpDelivery http;
  private final TelegramChannel telegram;

  private Channels(Map<ContactType, Channel> byType, HttpDelivery http, TelegramChannel telegram) {
    this.byType = byType;
    this.http = http;
    this.telegram = telegram;
  }

  /** The Telegram channel, for the bot's answers to button presses. */
  public TelegramChannel telegram() {
    return telegram;
  }

  /** The HTTP client the channels share, with their timeouts, for other calls out. */
  public HttpDelivery http() {
    return http;
  }

  public static Channels create(
      FirebellConfig config,
      ObjectMapper json,
      PebbleEngine templates,
      LinkTokens tokens,
      Clock clock) {
    OkHttpClient client =
        new OkHttpClient.Builder()
            .callTimeout(config.paging().requestTimeout())
            .connectTimeout(config.paging().requestTimeout())
            .readTimeout(config.paging().requestTimeout())
            .followRedirects(false)
            // A storm sends many pages at once to one service (Slack, ntfy, a webhook): up to 32
            // idle connections are kept for reuse, where OkHttp keeps 5 and opens the rest anew
            // for every burst.
            .connectionPool(new ConnectionPool(32, 5, TimeUnit.MINUTES))
            .build();
    HttpDelivery http = new HttpDelivery(client, clock);
    Map<ContactType, Channel> byType = new EnumMap<>(ContactType.class);
    byType.put(ContactType.WEBHOOK, new WebhookChannel(http, json));
    byType.put(ContactType.SLACK, new SlackChannel(http, json));
    byType.put(ContactType.DISCORD, new DiscordChannel(http, json));
    byType.put(ContactType.NTFY, new NtfyChannel(http, json));
    byType.put(ContactType.TEAMS, new TeamsChannel(http, json));
    byType.put(ContactType.MATTERMOST, new MattermostChannel(http, json));
    byType.put(ContactType.HTTP, new HttpGatewayChannel(http, json));
    byType.put(ContactType.PUSHOVER, new PushoverChannel(http, config.pushover(), json));
    TelegramChannel telegram = new TelegramChannel(http, config.telegram(), json);
    byType.put(ContactType.TELEGRAM, telegram);
    byType.put(
        ContactType.VOICE,
        new VoiceChannel(http, config.twilio(), tokens, config.server().publicUrl(), clock));
    byType.put(ContactType.SMS, new SmsChannel(http, config.twilio()));
    if (config.smtp().isConfigured()) {
      byType.put(
          ContactType.EMAIL,
          new EmailChannel(config.smtp(), templates, config.paging().requestTimeout()));
    }
    return new Channels(byType, http, telegram);
  }

  public Channel forType(ContactType type) {
    Channel channel = byType.get(type);
    if (channel == null) {
      throw new IllegalStateException("no channel for " + type.id() + " is configured");
    }
    return channel;
  }
}
