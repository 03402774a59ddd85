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
import dev.firebell.web.ui.Views;
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
        used(ctx, incident, person, action);
        return;
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
      leadOn(model, result.incident(), person);
      pages.sendPrivate(ctx, 200, "link-result.peb", model);
    } catch (InvalidLink e) {
      refuse(ctx, e);
    } catch (LinkAlreadyUsed e) {
      used(ctx, ctx.pathParam("token"), action);
    } catch (IncidentNotFound e) {
      refuse(ctx, new InvalidLink(InvalidLink.Reason.FORGED, "this incident does not exist"));
    }
  }

  /**
   * A used link's page leads on: which incident, how it stands now (who acted and when), a link to
   * it, and a Resolve button while it is open.
   */
  private void used(Context ctx, String token, LinkAction action) {
    LinkClaims claims = tokens.verify(token, action, clock.instant());
    used(ctx, reads.incident(claims.incidentId()), person(claims), action);
  }

  private void used(Context ctx, Incident incident, Person person, LinkAction action) {
    if (wantsText(ctx)) {
      text(
          ctx,
          409,
          "Not done: this link was already used. #" + incident.id() + " " + state(incident));
      return;
    }
    Map<String, Object> model = model(incident, action, person);
    model.put("message", "this link was already used");
    model.put("state", state(incident));
    leadOn(model, incident, person);
    pages.sendPrivate(ctx, 409, "link-refused.peb", model);
  }

  /** The incident's page, and a fresh Resolve button for this person while it is open. */
  private void leadOn(Map<String, Object> model, Incident incident, Person person) {
    // Relative: this page is served by this server, whatever name the browser reached it by.
    model.put("incidentUrl", "/incidents/" + incident.id());
    if (incident.status() != IncidentStatus.RESOLVED) {
      model.put(
          "resolveUrl",
          "/"
              + LinkAction.RESOLVE.path()
              + "/"
              + tokens.issue(incident.id(), person.id(), LinkAction.RESOLVE, clock.instant()));
    }
  }

  /** "Acknowledged by Tessa at 2026-11-28 16:12 UTC", "Resolved at …", or "Triggered". */
  private String state(Incident incident) {
    return switch (incident.status()) {
      case TRIGGERED -> "Still triggered.";
      case ACKNOWLEDGED ->
          "Acknowledged by "
              + name(incident.acknowledgedBy())
              + " at "
              + Views.time(incident.acknowledgedAt())
              + ".";
      case RESOLVED ->
          "Resolved at "
              + Views.time(incident.resolvedAt())
              + (incident.acknowledgedBy() == null
                  ? "."
                  : ", acknowledged by " + name(incident.acknowledgedBy()) + ".");
    };
  }

  private String name(String personId) {
    return rota.current().person(personId).map(Person::name).orElse(String.valueOf(personId));
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
