package dev.firebell.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebell.channel.HttpDelivery;
import dev.firebell.incident.timeline.Timeline;
import dev.firebell.incident.timeline.TimelineKind;
import dev.firebell.json.Json;
import dev.firebell.outbox.DeliveryFailure;
import dev.firebell.outbox.LeasedSender;
import dev.firebell.outbox.Mailbox;
import dev.firebell.store.Repositories;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Silence calls to senders, leased and retried like pages: {@code POST /api/v2/silences} to make
 * one, {@code DELETE /api/v2/silence/{id}} to expire it. A sender that is down is retried and,
 * after the last attempt, {@code silence.failed} on the timeline says why; it never blocks or
 * undoes the acknowledgement.
 */
final class SilenceMailbox implements Mailbox<SilenceCall> {
  private static final int BATCH = 100;
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  /** The first look at the silenced alerts, a moment after the silence exists. */
  static final Duration FIRST_WATCH = Duration.ofMinutes(1);

  private final Jdbi jdbi;
  private final HttpDelivery http;
  private final UpstreamApis apis;
  private final ObjectMapper json;
  private final Clock clock;

  SilenceMailbox(Jdbi jdbi, HttpDelivery http, UpstreamApis apis, ObjectMapper json, Clock clock) {
    this.jdbi = jdbi;
    this.http = http;
    this.apis = apis;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public List<SilenceCall> due(Instant now) {
    return Repositories.with(jdbi, SilenceRepository::new, r -> r.due(now, BATCH));
  }

  @Override
  public Optional<SilenceCall> claim(SilenceCall due, Instant now, Instant leaseUntil) {
    int claimed =
        Repositories.with(
            jdbi,
            SilenceRepository::new,
            r -> r.rows().claim(due.id(), due.state(), now, leaseUntil));
    return claimed == 1 ? Optional.of(due.withAttemptCounted()) : Optional.empty();
  }

  @Override
  public Outcome send(SilenceCall call) throws DeliveryFailure {
    return call.creating() ? create(call) : expire(call);
  }

  private Outcome create(SilenceCall call) throws DeliveryFailure {
    ObjectNode body = json.createObjectNode();
    body.set("matchers", read(call.matchers()));
    body.put("startsAt", clock.instant().toString());
    body.put("endsAt", call.endsAt().toString());
    body.put("createdBy", call.createdBy());
    body.put("comment", call.comment());
    String answer =
        http.call(
            apis.request(call.source(), call.apiUrl() + "/api/v2/silences")
                .post(RequestBody.create(Json.write(json, body), JSON))
                .build(),
            call.source() + " silences");
    String silenceId = read(answer).path("silenceID").asText("");
    if (silenceId.isEmpty()) {
      throw DeliveryFailure.permanent(call.source() + " answered without a silenceID: " + answer);
    }
    return new Outcome(
        "delivered",
        (handle, now) -> {
          new SilenceRepository(handle).created(call.id(), silenceId, now.plus(FIRST_WATCH));
          Timeline.on(handle)
              .stamp(
                  call.incidentId(),
                  now,
                  TimelineKind.SILENCE_CREATED,
                  "Silence " + silenceId + " set in " + sender(call) + " until " + call.endsAt());
        },
        "incident "
            + call.incidentId()
            + ": silence "
            + silenceId
            + " created in "
            + call.source());
  }

  private Outcome expire(SilenceCall call) throws DeliveryFailure {
    if (call.silenceId() == null) { // resolved before the sender made it: nothing to expire
      return new Outcome(
          null,
          (handle, now) ->
              new SilenceRepository(handle).rows().finish(call.id(), SilenceStatus.CANCELLED, null),
          null);
    }
    try {
      http.call(
          apis.request(call.source(), call.apiUrl() + "/api/v2/silence/" + call.silenceId())
              .delete()
              .build(),
          call.source() + " silences");
    } catch (DeliveryFailure failure) {
      if (failure.httpStatus() != 404) {
        throw failure;
      }
      // Already gone (expired by hand, or the sender lost it): as good as expired.
    }
    return new Outcome(
        "delivered",
        (handle, now) -> {
          new SilenceRepository(handle).rows().finish(call.id(), SilenceStatus.EXPIRED, null);
          Timeline.on(handle)
              .stamp(
                  call.incidentId(),
                  now,
                  TimelineKind.SILENCE_EXPIRED,
                  "Silence " + call.silenceId() + " expired in " + sender(call));
        },
        "incident " + call.incidentId() + ": silence " + call.silenceId() + " expired");
  }

  private JsonNode read(String text) throws DeliveryFailure {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw DeliveryFailure.permanent("an answer that is not JSON: " + LeasedSender.limit(text));
    }
  }

  private static String sender(SilenceCall call) {
    return "alertmanager".equals(call.source()) ? "Alertmanager" : "Grafana";
  }

  @Override
  public void retry(Handle handle, SilenceCall claimed, Instant at, String error) {
    new SilenceRepository(handle).rows().reschedule(claimed.id(), at, error);
  }

  @Override
  public void failed(Handle handle, SilenceCall claimed, String error, Instant now) {
    new SilenceRepository(handle).rows().finish(claimed.id(), SilenceStatus.FAILED, error);
    Timeline.on(handle)
        .stamp(
            claimed.incidentId(),
            now,
            TimelineKind.SILENCE_FAILED,
            LeasedSender.limit(
                (claimed.creating() ? "Silence not set in " : "Silence not expired in ")
                    + sender(claimed)
                    + " after "
                    + claimed.attempts()
                    + " attempt(s): "
                    + error));
  }

  @Override
  public String describe(SilenceCall call) {
    return "incident "
        + call.incidentId()
        + ": silence "
        + (call.creating() ? "creation" : "expiry")
        + " in "
        + call.source();
  }
}
