package dev.firebell.web;

import dev.firebell.channel.twilio.TwilioConfig;
import dev.firebell.channel.twilio.TwilioSignature;
import dev.firebell.channel.twilio.VoiceCalls;
import dev.firebell.channel.twilio.VoiceScript;
import dev.firebell.incident.ActionResult;
import dev.firebell.incident.Actor;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentReads;
import dev.firebell.incident.IncidentService;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Rota;
import dev.firebell.security.InvalidLink;
import dev.firebell.security.LinkAction;
import dev.firebell.security.LinkClaims;
import dev.firebell.security.LinkTokens;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Twilio's callbacks for voice pages: {@code POST /twilio/voice/<token>} with the key pressed (1
 * acknowledges as the person called, 2 or anything else reads the incident again) and {@code POST
 * /twilio/voice/<token>/status} with how the call ended. Every callback must carry a valid {@code
 * X-Twilio-Signature} for {@code publicUrl} + path and its parameters; a forged one gets {@code
 * 403} and changes nothing, and a replayed keypress finds the incident already acknowledged.
 */
public final class VoiceCallbacks {
  private static final Logger log = LoggerFactory.getLogger(VoiceCallbacks.class);

  private final LinkTokens tokens;
  private final IncidentService incidents;
  private final IncidentReads reads;
  private final VoiceCalls calls;
  private final Rota rota;
  private final TwilioConfig twilio;
  private final String publicUrl;
  private final Clock clock;

  public VoiceCallbacks(
      LinkTokens tokens,
      IncidentService incidents,
      IncidentReads reads,
      VoiceCalls calls,
      Rota rota,
      TwilioConfig twilio,
      String publicUrl,
      Clock clock) {
    this.tokens = tokens;
    this.incidents = incidents;
    this.reads = reads;
    this.calls = calls;
    this.rota = rota;
    this.twilio = twilio;
    this.publicUrl = publicUrl;
    this.clock = clock;
  }

  public void keypress(Context ctx) {
    LinkClaims claims = checked(ctx);
    if (claims == null) {
      return;
    }
    Person person = person(claims);
    String digits = ctx.formParam("Digits");
    if (!"1".equals(digits)) {
      Incident incident = reads.details(claims.incidentId()).incident();
      twiml(
          ctx,
          VoiceScript.gather(
              VoiceScript.speech(incident.severity(), incident.title(), incident.service()),
              publicUrl + ctx.path()));
      return;
    }
    ActionResult result =
        incidents.acknowledge(claims.incidentId(), new Actor(person.id(), person.name(), "phone"));
    String said =
        switch (result.outcome()) {
          case ACKNOWLEDGED -> "Acknowledged. Escalation has stopped. Goodbye.";
          case ALREADY_ACKNOWLEDGED ->
              "This incident was already acknowledged by "
                  + result.incident().acknowledgedBy()
                  + ". Goodbye.";
          default -> "This incident is already resolved. Goodbye.";
        };
    twiml(ctx, VoiceScript.said(said));
  }

  public void status(Context ctx) {
    LinkClaims claims = checked(ctx);
    if (claims == null) {
      return;
    }
    String status = ctx.formParam("CallStatus");
    calls.ended(
        claims.incidentId(),
        claims.personId(),
        person(claims).name(),
        status == null ? "" : status);
    ctx.status(204);
  }

  /** The token's claims when the signature and the token hold; otherwise answered and null. */
  private LinkClaims checked(Context ctx) {
    Map<String, String> params = new HashMap<>();
    ctx.formParamMap()
        .forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
    String url = publicUrl + ctx.path();
    if (!TwilioSignature.valid(twilio.authToken(), url, params, ctx.header("X-Twilio-Signature"))) {
      log.warn("voice callback from {} refused: the Twilio signature does not match", ctx.ip());
      ctx.status(403).contentType("text/plain").result("forbidden\n");
      return null;
    }
    try {
      return tokens.verify(ctx.pathParam("token"), LinkAction.VOICE, clock.instant());
    } catch (InvalidLink e) {
      twiml(ctx, VoiceScript.said("This call's link is no longer valid. Goodbye."));
      return null;
    }
  }

  private Person person(LinkClaims claims) {
    return rota.current()
        .person(claims.personId())
        .orElse(new Person(claims.personId(), claims.personId(), List.of()));
  }

  private static void twiml(Context ctx, String twiml) {
    ctx.contentType("text/xml; charset=utf-8").result(twiml);
  }
}
