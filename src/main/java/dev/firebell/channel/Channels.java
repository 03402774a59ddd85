package dev.firebell.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.channel.telegram.TelegramChannel;
import dev.firebell.config.FirebellConfig;
import dev.firebell.oncall.contact.Contact;
import dev.firebell.oncall.contact.ContactType;
import dev.firebell.outbox.DeliveryFailure;
import dev.firebell.security.LinkTokens;
import dev.firebell.text.Templates;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/** The channel of every configured contact type ({@link ChannelTypes}), sharing one HTTP client. */
public final class Channels {
  private final Map<ContactType, Bound<?>> byType;
  private final HttpDelivery http;
  private final TelegramChannel telegram;

  private Channels(Map<ContactType, Bound<?>> byType, HttpDelivery http, TelegramChannel telegram) {
    this.byType = byType;
    this.http = http;
    this.telegram = telegram;
  }

  /** A built channel with the contact class it takes, so each contact reaches it checked. */
  private record Bound<C extends Contact>(Class<C> contactClass, Channel<C> channel) {
    Sent send(Contact contact, PageMessage message) throws DeliveryFailure {
      return channel.send(contactClass.cast(contact), message);
    }

    Sent update(Contact contact, PageMessage message, List<String> earlier) throws DeliveryFailure {
      return channel.update(contactClass.cast(contact), message, earlier);
    }

    Sent notify(Contact contact, Notice notice) throws DeliveryFailure {
      return channel.notify(contactClass.cast(contact), notice);
    }
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
      Templates templates,
      LinkTokens tokens,
      Clock clock) {
    Supplier<OkHttpClient> client =
        () ->
            new OkHttpClient.Builder()
                .callTimeout(config.paging().requestTimeout())
                .connectTimeout(config.paging().requestTimeout())
                .readTimeout(config.paging().requestTimeout())
                .followRedirects(false)
                // A storm sends many pages at once to one service (Slack, ntfy, a webhook): up to
                // 32
                // idle connections are kept for reuse, where OkHttp keeps 5 and opens the rest anew
                // for every burst.
                .connectionPool(new ConnectionPool(32, 5, TimeUnit.MINUTES))
                .build();
    HttpDelivery http = new HttpDelivery(client, clock);
    TelegramChannel telegram = new TelegramChannel(http, config.telegram(), json);
    ChannelTypes.Deps deps =
        new ChannelTypes.Deps(config, http, json, templates, tokens, telegram, clock);
    Map<ContactType, Bound<?>> byType = new EnumMap<>(ContactType.class);
    for (ChannelTypes.ChannelType<?> type : ChannelTypes.ALL) {
      Bound<?> bound = bind(type, deps);
      if (bound != null) {
        byType.put(type.type(), bound);
      }
    }
    return new Channels(byType, http, telegram);
  }

  private static <C extends Contact> Bound<C> bind(
      ChannelTypes.ChannelType<C> type, ChannelTypes.Deps deps) {
    Channel<C> channel = type.build().apply(deps);
    return channel == null ? null : new Bound<>(type.contactClass(), channel);
  }

  /** Sends a page or a status update to {@code contact} over its channel. */
  public Sent send(Contact contact, PageMessage message) throws DeliveryFailure {
    return bound(contact).send(contact, message);
  }

  /**
   * Sends a status update to {@code contact}, editing the pages it got ({@code earlier}, their
   * vendor ids) where its channel can.
   */
  public Sent update(Contact contact, PageMessage message, List<String> earlier)
      throws DeliveryFailure {
    return bound(contact).update(contact, message, earlier);
  }

  /** Sends a notice that belongs to no incident to {@code contact} over its channel. */
  public Sent notify(Contact contact, Notice notice) throws DeliveryFailure {
    return bound(contact).notify(contact, notice);
  }

  private Bound<?> bound(Contact contact) {
    Bound<?> bound = byType.get(contact.type());
    if (bound == null) {
      throw new IllegalStateException("no channel for " + contact.type().id() + " is configured");
    }
    return bound;
  }
}
