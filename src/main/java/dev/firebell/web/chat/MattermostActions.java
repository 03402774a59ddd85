package dev.firebell.web.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebell.channel.mattermost.MattermostChannel;
import dev.firebell.incident.ActionOutcome;
import dev.firebell.incident.ActionResult;
import dev.firebell.incident.Actor;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentNotFound;
import dev.firebell.incident.IncidentReads;
import dev.firebell.incident.IncidentService;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.LinkAlreadyUsed;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Rota;
import dev.firebell.security.InvalidLink;
import dev.firebell.security.LinkAction;
import dev.firebell.security.LinkClaims;
import dev.firebell.security.LinkTokens;
import dev.firebell.web.HttpProblem;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /mattermost/actions}: a press on a Mattermost page's Acknowledge or Resolve button.
 * Its {@code context} holds the same signed, single-use token as the page's link, bound to the
 * incident and the person paged, who is the one who acts. The answer replaces the buttons with who
 * did what (and a Resolve button while the incident is open); a forged, used or expired token
 * changes nothing and gets an ephemeral error.
 */
public final class MattermostActions {
  private static final Logger log = LoggerFactory.getLogger(MattermostActions.class);

  private final LinkTokens tokens;
  private final IncidentService incidents;
  private final IncidentReads reads;
  private final Rota rota;
  private final MattermostChannel channel;
  private final ObjectMapper json;
  private final String publicUrl;
  private final Clock clock;

  public MattermostActions(
      LinkTokens tokens,
      IncidentService incidents,
      IncidentReads reads,
      Rota rota,
      ObjectMapper json,
      String publicUrl,
      Clock clock) {
    this.tokens = tokens;
    this.incidents = incidents;
    this.reads = reads;
    this.rota = rota;
    this.channel = new MattermostChannel(null, json, publicUrl);
    this.json = json;
    this.publicUrl = publicUrl;
    this.clock = clock;
  }

  public void press(Context ctx) {
    JsonNode request;
    try {
      request = json.readTree(ctx.body());
    } catch (JsonProcessingException e) {
      throw new HttpProblem(400, "the body is not JSON", "body");
    }
    JsonNode context = request.path("context");
    String action = context.path("action").asText("");
    String token = context.path("token").asText("");
    LinkAction linkAction =
        switch (action) {
          case "ack" -> LinkAction.ACK;
          case "resolve" -> LinkAction.RESOLVE;
          default ->
              throw new HttpProblem(400, "context.action must be ack or resolve", "context.action");
        };
    LinkClaims claims;
    try {
      claims = tokens.verify(token, linkAction, clock.instant());
    } catch (InvalidLink e) {
      log.warn("mattermost: a press refused: {}", e.getMessage());
      ephemeral(ctx, "Not done: " + e.getMessage() + ". Open the incident in Firebell instead.");
      return;
    }
    Person person =
        rota.current()
            .person(claims.personId())
            .orElse(new Person(claims.personId(), claims.personId(), List.of()));
    ActionResult result;
    try {
      result =
          incidents.actWithLink(
              claims.incidentId(),
              new Actor(person.id(), person.name(), "Mattermost"),
              claims.tokenHash(),
              linkAction == LinkAction.RESOLVE);
    } catch (LinkAlreadyUsed e) {
      Incident incident = reads.incident(claims.incidentId());
      ephemeral(
          ctx,
          "Not done: this button was already used. #"
              + incident.id()
              + " is "
              + incident.status().wireName()
              + ".");
      return;
    } catch (IncidentNotFound e) {
      ephemeral(ctx, "Not done: this incident does not exist.");
      return;
    }
    String outcome = ChatOutcomes.text(result, rota.current(), person.name());
    if (result.outcome() == ActionOutcome.ACKNOWLEDGED
        || result.outcome() == ActionOutcome.RESOLVED) {
      log.info("incident {}: {} by {} via Mattermost", claims.incidentId(), action, person.id());
    }
    Incident incident = result.incident();
    boolean resolved = incident.status() == IncidentStatus.RESOLVED;
    String resolveToken =
        resolved
            ? null
            : tokens.issue(incident.id(), person.id(), LinkAction.RESOLVE, clock.instant());
    ObjectNode answer = json.createObjectNode();
    ObjectNode update = answer.putObject("update");
    update.put("message", "");
    update
        .putObject("props")
        .putArray("attachments")
        .add(
            channel.pressed(
                "[" + incident.severity() + "] #" + incident.id() + " " + incident.title(),
                publicUrl + "/incidents/" + incident.id(),
                outcome,
                resolved,
                resolveToken));
    answer.put("ephemeral_text", outcome);
    ctx.json(answer);
  }

  private void ephemeral(Context ctx, String text) {
    ctx.json(json.createObjectNode().put("ephemeral_text", text));
  }
}
