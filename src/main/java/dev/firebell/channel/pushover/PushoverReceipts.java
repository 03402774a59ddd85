package dev.firebell.channel.pushover;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.channel.HttpDelivery;
import dev.firebell.incident.Actor;
import dev.firebell.incident.IncidentService;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Rota;
import dev.firebell.outbox.DeliveryFailure;
import dev.firebell.outbox.SenderPool;
import dev.firebell.store.Repositories;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import okhttp3.FormBody;
import okhttp3.Request;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the receipts of Pushover emergency pages while their incident is triggered ({@code GET
 * /1/receipts/{receipt}.json}, every {@link #EVERY}, within Pushover's advice of no more than once
 * every 5 s). Acknowledged in the app: the incident is acknowledged as the person paged, "via
 * Pushover", which stops escalation. Once the incident is no longer triggered (acknowledged
 * anywhere, or resolved), the receipt is cancelled ({@code POST /1/receipts/{receipt}/cancel.json})
 * so the repeats stop. Each look is claimed in the database and runs on a sender worker.
 */
public final class PushoverReceipts {
  private static final Logger log = LoggerFactory.getLogger(PushoverReceipts.class);
  static final Duration EVERY = Duration.ofSeconds(30);

  private final Jdbi jdbi;
  private final HttpDelivery http;
  private final PushoverConfig pushover;
  private final IncidentService incidents;
  private final Rota rota;
  private final ObjectMapper json;
  private final Clock clock;
  private final SenderPool workers;

  public PushoverReceipts(
      Jdbi jdbi,
      HttpDelivery http,
      PushoverConfig pushover,
      IncidentService incidents,
      Rota rota,
      ObjectMapper json,
      Clock clock,
      SenderPool workers) {
    this.jdbi = jdbi;
    this.http = http;
    this.pushover = pushover;
    this.incidents = incidents;
    this.rota = rota;
    this.json = json;
    this.clock = clock;
    this.workers = workers;
  }

  /** The scheduled pass: claims each due look and hands it to a worker; returns the looks. */
  public List<Future<?>> run() {
    Instant now = clock.instant();
    List<Future<?>> looks = new ArrayList<>();
    for (PushoverReceiptRepository.Watched watched :
        Repositories.with(jdbi, PushoverReceiptRepository::new, r -> r.due(now, 100))) {
      if (Repositories.with(
              jdbi,
              PushoverReceiptRepository::new,
              r -> r.claimLook(watched.receipt(), now, now.plus(EVERY)))
          == 0) {
        continue;
      }
      Optional<Future<?>> look = workers.trySubmit(() -> look(watched));
      if (look.isPresent()) {
        looks.add(look.get());
      } else {
        log.warn(
            "incident {}: every sender thread is busy; its Pushover receipt is looked at next"
                + " minute",
            watched.incidentId());
      }
    }
    return looks;
  }

  private void look(PushoverReceiptRepository.Watched watched) {
    try {
      if (!"TRIGGERED".equals(watched.incidentStatus())) {
        cancel(watched);
        return;
      }
      JsonNode receipt = read(get(watched.receipt()));
      if (receipt.path("acknowledged").asInt() == 1) {
        Person person = rota.current().person(watched.personId()).orElse(null);
        String name = person == null ? watched.personId() : person.name();
        incidents.acknowledge(
            watched.incidentId(), new Actor(watched.personId(), name, "Pushover"));
        finish(watched, "ACKNOWLEDGED");
        log.info(
            "incident {}: acknowledged by {} in Pushover",
            watched.incidentId(),
            watched.personId());
      } else if (receipt.path("expired").asInt() == 1) {
        finish(watched, "EXPIRED");
      }
    } catch (DeliveryFailure e) {
      log.warn("incident {}: Pushover receipt not read: {}", watched.incidentId(), e.getMessage());
    } catch (JdbiException e) {
      log.error(
          "incident {}: Pushover receipt not recorded; next look soon", watched.incidentId(), e);
    }
  }

  private String get(String receipt) throws DeliveryFailure {
    return http.call(
        new Request.Builder()
            .url(pushover.apiUrl() + "/1/receipts/" + receipt + ".json?token=" + pushover.token())
            .header("User-Agent", "Firebell")
            .get()
            .build(),
        "pushover receipts");
  }

  private void cancel(PushoverReceiptRepository.Watched watched) throws DeliveryFailure {
    http.call(
        new Request.Builder()
            .url(pushover.apiUrl() + "/1/receipts/" + watched.receipt() + "/cancel.json")
            .header("User-Agent", "Firebell")
            .post(new FormBody.Builder().add("token", pushover.token()).build())
            .build(),
        "pushover receipts");
    finish(watched, "CANCELLED");
  }

  private void finish(PushoverReceiptRepository.Watched watched, String state) {
    Repositories.use(jdbi, PushoverReceiptRepository::new, r -> r.finish(watched.receipt(), state));
  }

  private JsonNode read(String text) throws DeliveryFailure {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw DeliveryFailure.permanent("Pushover answered something that is not JSON");
    }
  }
}
