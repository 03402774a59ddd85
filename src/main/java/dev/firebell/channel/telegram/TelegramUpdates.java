package dev.firebell.channel.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebell.incident.ActionResult;
import dev.firebell.incident.Actor;
import dev.firebell.incident.IncidentNotFound;
import dev.firebell.incident.IncidentService;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Rota;
import dev.firebell.outbox.DeliveryFailure;
import dev.firebell.store.Repositories;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presses on the Acknowledge and Resolve buttons of Telegram pages. Telegram cannot reach most
 * self-hosted servers, so one instance at a time (holding a lease in the database) long-polls the
 * bot's {@code getUpdates}. A press acts only when the pressing Telegram user is mapped to a person
 * ({@code telegramUserId}); it acknowledges or resolves as them ("via Telegram"), answers the
 * press, and edits the message to say who did what.
 */
public final class TelegramUpdates {
  private static final Logger log = LoggerFactory.getLogger(TelegramUpdates.class);
  private static final Duration LEASE = Duration.ofSeconds(60);

  private final Jdbi jdbi;
  private final TelegramChannel telegram;
  private final IncidentService incidents;
  private final Rota rota;
  private final ObjectMapper json;
  private final String publicUrl;
  private final Clock clock;
  private final String holder = UUID.randomUUID().toString();
  private volatile Thread poller;

  public TelegramUpdates(
      Jdbi jdbi,
      TelegramChannel telegram,
      IncidentService incidents,
      Rota rota,
      ObjectMapper json,
      String publicUrl,
      Clock clock) {
    this.jdbi = jdbi;
    this.telegram = telegram;
    this.incidents = incidents;
    this.rota = rota;
    this.json = json;
    this.publicUrl = publicUrl;
    this.clock = clock;
  }

  /**
   * Polls on a thread of its own until {@link #close()}: long polls of {@code wait} while this
   * instance holds the lease, a look every 15 s otherwise, 5 s after a failure.
   */
  public void start(Duration wait) {
    Thread thread =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                try {
                  if (!pollOnce(wait)) {
                    Thread.sleep(15_000);
                  }
                } catch (DeliveryFailure e) {
                  log.warn("telegram: getUpdates failed: {}", e.getMessage());
                  pause();
                } catch (JdbiException e) {
                  log.error("telegram: the poll lease could not be read", e);
                  pause();
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "telegram-updates");
    thread.setDaemon(true);
    thread.start();
    poller = thread;
  }

  public void close() {
    Thread thread = poller;
    if (thread != null) {
      thread.interrupt();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * One long poll of up to {@code wait}, if this instance holds the lease; returns whether it did.
   */
  public boolean pollOnce(Duration wait) throws DeliveryFailure {
    Instant now = clock.instant();
    OptionalLong offset =
        Repositories.with(
            jdbi, TelegramPollRepository::new, r -> r.claim(holder, now, now.plus(LEASE)));
    if (offset.isEmpty()) {
      return false;
    }
    ObjectNode request = json.createObjectNode();
    request.put("offset", offset.getAsLong());
    request.put("timeout", wait.toSeconds());
    request.putArray("allowed_updates").add("callback_query");
    JsonNode answer = read(telegram.post("getUpdates", request));
    long next = offset.getAsLong();
    for (JsonNode update : answer.path("result")) {
      next = Math.max(next, update.path("update_id").asLong() + 1);
      if (update.has("callback_query")) {
        press(update.get("callback_query"));
      }
    }
    long handled = next;
    Repositories.use(jdbi, TelegramPollRepository::new, r -> r.handledUpTo(holder, handled));
    return true;
  }

  private void press(JsonNode press) throws DeliveryFailure {
    String id = press.path("id").asText();
    long from = press.path("from").path("id").asLong();
    Optional<Person> person =
        rota.current().people().values().stream()
            .filter(p -> p.telegramUserId() != null && p.telegramUserId() == from)
            .findFirst();
    if (person.isEmpty()) {
      log.warn("telegram: a press from unmapped Telegram user {} changed nothing", from);
      answer(id, "Not done: your Telegram account is not mapped to an on-call person");
      return;
    }
    String[] data = press.path("data").asText().split(":", 2);
    long incidentId;
    try {
      incidentId = Long.parseLong(data.length == 2 ? data[1] : "");
    } catch (NumberFormatException e) {
      answer(id, "Not done: unknown button");
      return;
    }
    Actor actor = new Actor(person.get().id(), person.get().name(), "Telegram");
    ActionResult result;
    try {
      if (data[0].equals("ack")) {
        result = incidents.acknowledge(incidentId, actor);
      } else if (data[0].equals("resolve")) {
        result = incidents.resolve(incidentId, actor);
      } else {
        answer(id, "Not done: unknown button");
        return;
      }
    } catch (IncidentNotFound e) {
      answer(id, "Not done: incident " + incidentId + " does not exist");
      return;
    } catch (JdbiException e) {
      log.error("telegram: incident {} could not be changed; the press is dropped", incidentId, e);
      answer(id, "Not done: Firebell could not store it, please use the link");
      return;
    }
    String outcome = outcome(result, person.get());
    answer(id, outcome);
    edit(press.path("message"), result, outcome);
    log.info("incident {}: {} via Telegram", incidentId, outcome);
  }

  private static String outcome(ActionResult result, Person person) {
    return switch (result.outcome()) {
      case ACKNOWLEDGED -> "Acknowledged by " + person.name();
      case RESOLVED -> "Resolved by " + person.name();
      case ALREADY_ACKNOWLEDGED -> "Already acknowledged by " + result.incident().acknowledgedBy();
      case ALREADY_RESOLVED -> "Already resolved";
    };
  }

  private void answer(String callbackId, String text) throws DeliveryFailure {
    ObjectNode body = json.createObjectNode();
    body.put("callback_query_id", callbackId);
    body.put("text", text);
    telegram.post("answerCallbackQuery", body);
  }

  /** The pressed message says what was done, with the buttons that still apply. */
  private void edit(JsonNode message, ActionResult result, String outcome) throws DeliveryFailure {
    if (message.isMissingNode()) {
      return;
    }
    long incidentId = result.incident().id();
    boolean open = result.incident().status() != dev.firebell.incident.IncidentStatus.RESOLVED;
    ObjectNode body = json.createObjectNode();
    body.put("chat_id", message.path("chat").path("id").asLong());
    body.put("message_id", message.path("message_id").asLong());
    String text = message.path("text").asText("");
    body.put(
        "text",
        dev.firebell.text.Cut.toChars(text, TelegramChannel.TEXT - outcome.length() - 2)
            + "\n\n"
            + outcome);
    body.set(
        "reply_markup",
        telegram.keyboard(incidentId, false, open, publicUrl + "/incidents/" + incidentId));
    telegram.post("editMessageText", body);
  }

  private JsonNode read(String text) throws DeliveryFailure {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw DeliveryFailure.permanent("Telegram answered something that is not JSON");
    }
  }
}
