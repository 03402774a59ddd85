package dev.firebell.web;

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
import io.javalin.http.Context;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /ack/{token}} and {@code /resolve/{token}}. GET only shows the incident and a button; only
 * the button's POST acts, so link previews, mail scanners and prefetchers change nothing.
 */
public final class LinkPages {
  private final LinkTokens tokens;
  private final IncidentService incidents;
  private final IncidentReads reads;
  private final Rota rota;
  private final Pages pages;
  private final Clock clock;

  public LinkPages(
      LinkTokens tokens,
      IncidentService incidents,
      IncidentReads reads,
      Rota rota,
      Pages pages,
      Clock clock) {
    this.tokens = tokens;
    this.incidents = incidents;
    this.reads = reads;
    this.rota = rota;
    this.pages = pages;
    this.clock = clock;
  }

  public void showAck(Context ctx) {
    show(ctx, LinkAction.ACK);
  }

  public void showResolve(Context ctx) {
    show(ctx, LinkAction.RESOLVE);
  }

  public void ack(Context ctx) {
    act(ctx, LinkAction.ACK);
  }

  public void resolve(Context ctx) {
    act(ctx, LinkAction.RESOLVE);
  }

  private void show(Context ctx, LinkAction action) {
    try {
      LinkClaims claims = tokens.verify(ctx.pathParam("token"), action, clock.instant());
      Person person = person(claims);
      Incident incident = reads.details(claims.incidentId()).incident();
      if (reads.linkUsed(claims.tokenHash())) {
        throw new InvalidLink(InvalidLink.Reason.USED, "this link was already used");
      }
      Map<String, Object> model = model(incident, action, person);
      model.put("done", !canAct(incident, action));
      pages.sendPrivate(ctx, 200, "link.peb", model);
    } catch (InvalidLink e) {
      refuse(ctx, e);
    } catch (IncidentNotFound e) {
      refuse(ctx, new InvalidLink(InvalidLink.Reason.FORGED, "this incident does not exist"));
    }
  }

  private void act(Context ctx, LinkAction action) {
    try {
      LinkClaims claims = tokens.verify(ctx.pathParam("token"), action, clock.instant());
      Person person = person(claims);
      ActionResult result =
          incidents.actWithLink(
              claims.incidentId(),
              new Actor(person.id(), person.name(), "link"),
              claims.tokenHash(),
              action == LinkAction.RESOLVE);
      if (wantsText(ctx)) { // a one-tap action in a notification (ntfy) shows this line
        text(ctx, 200, "#" + result.incident().id() + " " + outcomeText(result));
        return;
      }
      Map<String, Object> model = model(result.incident(), action, person);
      model.put("outcome", outcomeText(result));
      pages.sendPrivate(ctx, 200, "link-result.peb", model);
    } catch (InvalidLink e) {
      refuse(ctx, e);
    } catch (LinkAlreadyUsed e) {
      refuse(ctx, new InvalidLink(InvalidLink.Reason.USED, e.getMessage()));
    } catch (IncidentNotFound e) {
      refuse(ctx, new InvalidLink(InvalidLink.Reason.FORGED, "this incident does not exist"));
    }
  }

  private Person person(LinkClaims claims) {
    return rota.current()
        .person(claims.personId())
        .orElseThrow(
            () ->
                new InvalidLink(
                    InvalidLink.Reason.FORGED, "this link's person is not on call here"));
  }

  private static boolean canAct(Incident incident, LinkAction action) {
    return action == LinkAction.ACK
        ? incident.status() == IncidentStatus.TRIGGERED
        : incident.status() != IncidentStatus.RESOLVED;
  }

  private static String outcomeText(ActionResult result) {
    Incident incident = result.incident();
    return switch (result.outcome()) {
      case ACKNOWLEDGED -> "Acknowledged. Escalation has stopped.";
      case RESOLVED -> "Resolved.";
      case ALREADY_ACKNOWLEDGED ->
          "Already acknowledged by "
              + incident.acknowledgedBy()
              + " at "
              + incident.acknowledgedAt()
              + ".";
      case ALREADY_RESOLVED -> "Already resolved at " + incident.resolvedAt() + ".";
    };
  }

  private Map<String, Object> model(Incident incident, LinkAction action, Person person) {
    Map<String, Object> model = new HashMap<>();
    model.put("incident", incident);
    model.put("status", incident.status().wireName());
    model.put("action", action == LinkAction.ACK ? "Acknowledge" : "Resolve");
    model.put("person", person.name());
    model.put("openFor", openFor(incident));
    return model;
  }

  private String openFor(Incident incident) {
    long minutes = incident.duration(clock.instant()).toMinutes();
    return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
  }

  private void refuse(Context ctx, InvalidLink e) {
    refuse(pages, ctx, e);
  }

  /**
   * Whether the caller asked for plain text ({@code Accept: text/plain}, as ntfy's one-tap
   * "Acknowledge" action does) rather than a page.
   */
  private static boolean wantsText(Context ctx) {
    String accept = ctx.header("Accept");
    return accept != null && accept.contains("text/plain") && !accept.contains("text/html");
  }

  private static void text(Context ctx, int status, String line) {
    SecurityHeaders.apply(ctx);
    ctx.status(status).contentType("text/plain; charset=utf-8").result(line + "\n");
  }

  /** A refused link's page, with the status that says why: the same for every kind of link. */
  public static void refuse(Pages pages, Context ctx, InvalidLink e) {
    int status =
        switch (e.reason()) {
          case MALFORMED -> 400;
          case FORGED -> 403;
          case EXPIRED -> 410;
          case USED -> 409;
        };
    if (wantsText(ctx)) {
      text(ctx, status, "Not done: " + e.getMessage() + ".");
      return;
    }
    pages.sendPrivate(ctx, status, "link-refused.peb", Map.of("message", e.getMessage()));
  }
}
