package dev.firebell.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.config.IngestConfig;
import dev.firebell.config.SeverityConfig;
import dev.firebell.heartbeat.Heartbeats;
import dev.firebell.incident.IncidentService;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.alert.AlertGroupSignal;
import dev.firebell.incident.alert.RecordOutcome;
import dev.firebell.incident.alert.RecordResult;
import dev.firebell.security.LogText;
import dev.firebell.web.HttpProblem;
import dev.firebell.web.JsonAnswer;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST|PUT /webhooks/grafana} and {@code /webhooks/alertmanager}: checks size, credentials
 * and content type, translates the body and records it. It answers 2xx only once the change is
 * durable, so a sender that sees an error retries and nothing accepted is lost.
 */
public final class WebhookEndpoint {
  private static final Logger log = LoggerFactory.getLogger(WebhookEndpoint.class);
  private static final long MAX_DRAIN_BYTES = 64L * 1024 * 1024;
  private static final int SIGNED_BODIES_AT_ONCE = 8;
  private static final long SIGNED_BODY_WAIT_SECONDS = 5;

  private final IngestConfig config;
  private final WebhookAuthenticator authenticator;
  private final PayloadParser parser;
  private final AlertTranslator translator;
  private final IncidentService incidents;
  private final Heartbeats heartbeats;
  private final Clock clock;
  private final Semaphore signedBodies = new Semaphore(SIGNED_BODIES_AT_ONCE);
  private final WebhookObserver observer;

  public WebhookEndpoint(
      IngestConfig config,
      SeverityConfig severity,
      IncidentService incidents,
      Heartbeats heartbeats,
      WebhookObserver observer,
      ObjectMapper json,
      Clock clock) {
    this.config = config;
    this.authenticator = new WebhookAuthenticator(config);
    this.parser = new PayloadParser(json);
    this.translator = new AlertTranslator(severity);
    this.incidents = incidents;
    this.heartbeats = heartbeats;
    this.observer = observer;
    this.clock = clock;
  }

  public void grafana(Context ctx) {
    receive(ctx, WebhookSource.GRAFANA);
  }

  public void alertmanager(Context ctx) {
    receive(ctx, WebhookSource.ALERTMANAGER);
  }

  private void receive(Context ctx, WebhookSource source) {
    try {
      RecordOutcome outcome = record(ctx, source);
      observer.received(source.id(), outcome == null ? "heartbeat" : outcomeName(outcome));
    } catch (HttpProblem e) {
      observer.received(source.id(), e.status() == 401 ? "unauthorized" : "invalid");
      throw e;
    } catch (InvalidPayload e) {
      observer.received(source.id(), "invalid");
      throw e;
    } catch (BodyTooLarge e) {
      observer.received(source.id(), "invalid");
      drain(ctx, 0); // the rest of a body without Content-Length, so the sender reads the 413
      throw new HttpProblem(413, e.getMessage(), "body");
    }
  }

  private static String outcomeName(RecordOutcome outcome) {
    return switch (outcome) {
      case OPENED, UPDATED -> "accepted";
      case UNCHANGED -> "duplicate";
      case IGNORED -> "ignored";
    };
  }

  /** Records the notification; null when it was a heartbeat's beat, which records no incident. */
  private RecordOutcome record(Context ctx, WebhookSource source) {
    Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
    // Credentials first: only a sender that showed them gets an oversized body drained.
    authenticator.headerRefusal(ctx::header).ifPresent(reason -> refuse(ctx, source, reason));
    long limit = config.maxBodyBytes();
    if (ctx.contentLength() > limit) {
      drain(ctx, ctx.contentLength());
      throw tooLarge(limit);
    }
    requireJson(ctx);
    // The parsed payload is not kept in a variable: a storm's 20,000 alerts need not stay on the
    // heap twice, parsed and translated, while they are recorded.
    AlertGroupSignal signal =
        translator.translate(
            source,
            authenticator.needsBody()
                ? signedPayload(ctx, source, receivedAt)
                : parser.parse(body(ctx, limit)),
            receivedAt);
    Optional<Heartbeats.Beat> beat = heartbeats.beatFrom(signal);
    if (beat.isPresent()) { // a Watchdog-style alert: it beats its heartbeat, and opens nothing
      log.debug("webhook {}: heartbeat {} beat", source.id(), beat.get().id());
      JsonAnswer.send(ctx, 200, new BeatResponse("heartbeat", beat.get().id(), beat.get().dueAt()));
      return null;
    }
    RecordResult result = incidents.record(signal);
    logResult(source, signal, result);
    JsonAnswer.send(ctx, 200, Response.of(result));
    return result.outcome();
  }

  /**
   * A body signed with HMAC is read whole, checked, then parsed. Anyone can send one before it is
   * judged, so only {@link #SIGNED_BODIES_AT_ONCE} are held in memory at a time; a sender that
   * finds every place taken for a few seconds gets 503 and retries.
   */
  private WebhookPayload signedPayload(Context ctx, WebhookSource source, Instant receivedAt) {
    byte[] body = readSigned(ctx);
    authenticator
        .bodyRefusal(ctx::header, body, receivedAt)
        .ifPresent(reason -> refuse(ctx, source, reason));
    return parser.parse(body);
  }

  private byte[] readSigned(Context ctx) {
    boolean permitted;
    try {
      permitted = signedBodies.tryAcquire(SIGNED_BODY_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      permitted = false;
    }
    if (!permitted) {
      ctx.header("Retry-After", "5");
      throw new HttpProblem(503, "too many signed bodies are being read; retry later");
    }
    try (InputStream stream = body(ctx, config.maxBodyBytes())) {
      return stream.readAllBytes();
    } catch (IOException e) {
      if (e.getCause() instanceof BodyTooLarge tooLarge) {
        throw tooLarge;
      }
      throw new InvalidPayload(null, "the body could not be read: " + e.getMessage());
    } finally {
      signedBodies.release();
    }
  }

  private static InputStream body(Context ctx, long limit) {
    try {
      return new LimitedBody(ctx.req().getInputStream(), limit);
    } catch (IOException e) {
      throw new InvalidPayload(null, "the body could not be read: " + e.getMessage());
    }
  }

  /**
   * Refuses without reading the body; closing the connection spares reading (or draining) a body
   * from a client that has shown no credentials.
   */
  private static void refuse(Context ctx, WebhookSource source, String reason) {
    ctx.header("Connection", "close");
    log.warn("webhook {} from {} refused: {}", source.id(), ctx.ip(), reason);
    throw new HttpProblem(401, reason);
  }

  /**
   * Reads and discards an oversized body (up to a bound) so the sender, still writing it, gets to
   * read the 413 instead of a reset connection.
   */
  private static void drain(Context ctx, long length) {
    ctx.header("Connection", "close");
    if (length > MAX_DRAIN_BYTES) {
      return;
    }
    try (InputStream body = ctx.req().getInputStream()) {
      long left = MAX_DRAIN_BYTES;
      byte[] buffer = new byte[64 * 1024];
      for (int read = body.read(buffer); read > 0 && left > 0; read = body.read(buffer)) {
        left -= read;
      }
    } catch (IOException e) {
      // the sender went away; nothing to answer
    }
  }

  private static HttpProblem tooLarge(long limit) {
    return new HttpProblem(413, new BodyTooLarge(limit).getMessage(), "body");
  }

  private static void requireJson(Context ctx) {
    // The raw header: Javalin's contentType() parses the charset and throws on a bad one.
    String type = ctx.header("Content-Type");
    String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase();
    if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
      throw new HttpProblem(
          415,
          "Content-Type must be application/json, got " + (type == null ? "none" : type),
          "Content-Type");
    }
  }

  /**
   * Opens, changes and resolutions are worth a line each; repeats and ignored deliveries are only
   * logged at debug level, since a storm repeats one group thousands of times.
   */
  private static void logResult(
      WebhookSource source, AlertGroupSignal signal, RecordResult result) {
    switch (result.outcome()) {
      case IGNORED ->
          log.debug(
              "webhook {} group {}: ignored (only resolved alerts, no open incident)",
              source.id(),
              LogText.safe(signal.groupKey()));
      case UNCHANGED ->
          log.debug(
              "webhook {} incident {}: repeat, nothing new", source.id(), result.incidentId());
      default ->
          log.info(
              "webhook {} incident {}: {} ({} alerts, status {})",
              source.id(),
              result.incidentId(),
              result.outcome().wireName(),
              signal.alerts().size(),
              result.status().wireName());
    }
  }

  /** The answer to a notification that was a heartbeat's beat. */
  record BeatResponse(String outcome, String heartbeat, Instant dueAt) {}

  /** The answer to a sender: what happened, and to which incident. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Response(RecordOutcome outcome, Long incidentId, IncidentStatus incidentStatus) {
    static Response of(RecordResult result) {
      return new Response(result.outcome(), result.incidentId(), result.status());
    }
  }
}
