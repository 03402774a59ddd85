package dev.firebell.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebell.channel.HttpDelivery;
import dev.firebell.json.Json;
import dev.firebell.outbox.DeliveryFailure;
import dev.firebell.outbox.LeasedSender;
import dev.firebell.outbox.Mailbox;
import dev.firebell.store.Repositories;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Annotation calls to Grafana, leased and retried like pages: {@code POST /api/annotations} makes
 * it, {@code PATCH /api/annotations/{id}} brings it up to date. An annotation that cannot be
 * written after the retries is logged at error and counted; it never holds up paging.
 */
final class AnnotationMailbox implements Mailbox<AnnotationCall> {
  private static final Logger log = LoggerFactory.getLogger(AnnotationMailbox.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final Jdbi jdbi;
  private final HttpDelivery http;
  private final UpstreamApis apis;
  private final ObjectMapper json;

  AnnotationMailbox(Jdbi jdbi, HttpDelivery http, UpstreamApis apis, ObjectMapper json) {
    this.jdbi = jdbi;
    this.http = http;
    this.apis = apis;
    this.json = json;
  }

  @Override
  public List<AnnotationCall> due(Instant now) {
    return Repositories.with(jdbi, AnnotationRepository::new, r -> r.due(now, 100));
  }

  @Override
  public Optional<AnnotationCall> claim(AnnotationCall due, Instant now, Instant leaseUntil) {
    int claimed =
        Repositories.with(
            jdbi,
            AnnotationRepository::new,
            r -> r.rows().claim(due.id(), due.state(), now, leaseUntil));
    return claimed == 1 ? Optional.of(due.withAttemptCounted()) : Optional.empty();
  }

  @Override
  public Outcome send(AnnotationCall call) throws DeliveryFailure {
    ObjectNode body = json.createObjectNode();
    body.put("time", call.startsAt().toEpochMilli());
    if (call.endsAt() != null) {
      body.put("timeEnd", call.endsAt().toEpochMilli());
    }
    body.set("tags", read(call.tags()));
    body.put("text", call.text());
    long annotationId;
    if (call.creating() || call.annotationId() == null) {
      if (call.dashboardUid() != null) {
        body.put("dashboardUID", call.dashboardUid());
        if (call.panelId() != null) {
          body.put("panelId", call.panelId());
        }
      }
      String answer =
          http.call(
              apis.request("grafana", call.apiUrl() + "/api/annotations")
                  .post(RequestBody.create(Json.write(json, body), JSON))
                  .build(),
              "grafana annotations");
      annotationId = read(answer).path("id").asLong(0);
      if (annotationId == 0) {
        throw DeliveryFailure.permanent("Grafana answered without an annotation id: " + answer);
      }
    } else {
      annotationId = call.annotationId();
      http.call(
          apis.request("grafana", call.apiUrl() + "/api/annotations/" + annotationId)
              .patch(RequestBody.create(Json.write(json, body), JSON))
              .build(),
          "grafana annotations");
    }
    long written = annotationId;
    return new Outcome(
        "delivered",
        (handle, now) ->
            new AnnotationRepository(handle).sent(call.incidentId(), written, call.version()),
        "incident " + call.incidentId() + ": Grafana annotation " + written + " written");
  }

  private JsonNode read(String text) throws DeliveryFailure {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw DeliveryFailure.permanent("an answer that is not JSON: " + LeasedSender.limit(text));
    }
  }

  @Override
  public void retry(Handle handle, AnnotationCall claimed, Instant at, String error) {
    new AnnotationRepository(handle).rows().reschedule(claimed.id(), at, error);
  }

  @Override
  public void failed(Handle handle, AnnotationCall claimed, String error, Instant now) {
    new AnnotationRepository(handle).rows().finish(claimed.id(), AnnotationStatus.FAILED, error);
    log.error("{} failed for good: {}", describe(claimed), error);
  }

  @Override
  public String describe(AnnotationCall call) {
    return "incident " + call.incidentId() + ": Grafana annotation";
  }
}
