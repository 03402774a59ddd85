package dev.firebell.web.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebell.channel.HttpDelivery;
import dev.firebell.channel.JsonPost;
import dev.firebell.channel.slack.SlackCommand;
import dev.firebell.channel.slack.SlackConfig;
import dev.firebell.channel.slack.SlackMessageId;
import dev.firebell.channel.slack.SlackSignature;
import dev.firebell.config.SeverityConfig;
import dev.firebell.incident.ActionResult;
import dev.firebell.incident.Actor;
import dev.firebell.incident.Declaration;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentNotFound;
import dev.firebell.incident.IncidentService;
import dev.firebell.json.Json;
import dev.firebell.notify.DeliveryRepository;
import dev.firebell.notify.DeliveryRepository.PagedMessage;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Rota;
import dev.firebell.oncall.Schedule;
import dev.firebell.oncall.ScheduleStatus;
import dev.firebell.store.Repositories;
import dev.firebell.web.Declarations;
import dev.firebell.web.HttpProblem;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack app's requests: {@code POST /slack/actions} (its interactivity URL: presses on a page's
 * Acknowledge and Resolve buttons) and {@code POST /slack/commands} (the {@code /firebell}
 * command). Each must carry Slack's signature; a press acts as the person whose {@code slackUserId}
 * pressed it, only on the incident of the page the pressed message is. The answer comes at once:
 * the message itself is edited by the status update the change queues.
 */
public final class SlackRequests {
  private static final Logger log = LoggerFactory.getLogger(SlackRequests.class);
  static final String NOT_LINKED =
      "Your Slack account is not linked to an on-call person in Firebell, so nothing was changed."
          + " Ask whoever keeps oncall.yaml to add `slackUserId: %s` to your entry.";

  private final SlackConfig config;
  private final IncidentService incidents;
  private final Rota rota;
  private final Jdbi jdbi;
  private final HttpDelivery http;
  private final ObjectMapper json;
  private final SeverityConfig severities;
  private final Clock clock;

  public SlackRequests(
      SlackConfig config,
      IncidentService incidents,
      Rota rota,
      Jdbi jdbi,
      HttpDelivery http,
      ObjectMapper json,
      SeverityConfig severities,
      Clock clock) {
    this.config = config;
    this.incidents = incidents;
    this.rota = rota;
    this.jdbi = jdbi;
    this.http = http;
    this.json = json;
    this.severities = severities;
    this.clock = clock;
  }

  /** {@code POST /slack/actions}: a press on a button of a page the app posted. */
  public void action(Context ctx) {
    Map<String, String> form = signedForm(ctx);
    if (form == null) {
      return;
    }
    JsonNode payload;
    try {
      payload = json.readTree(form.getOrDefault("payload", ""));
    } catch (JsonProcessingException e) {
      throw new HttpProblem(400, "payload is not JSON", "payload");
    }
    ctx.status(200);
    JsonNode action = payload.path("actions").path(0);
    String actionId = action.path("action_id").asText("");
    if (!payload.path("type").asText().equals("block_actions")
        || !(actionId.equals("ack") || actionId.equals("resolve"))) {
      return; // "open" is a link: Slack tells of the press, there is nothing to do
    }
    String responseUrl = payload.path("response_url").asText(null);
    String slackUser = payload.path("user").path("id").asText("");
    Optional<Person> person = personOf(slackUser);
    if (person.isEmpty()) {
      log.warn("slack: a press by unlinked Slack user {} changed nothing", slackUser);
      reply(responseUrl, NOT_LINKED.formatted(slackUser));
      return;
    }
    String messageId =
        SlackMessageId.of(
                payload.path("container").path("channel_id").asText(""),
                payload.path("container").path("message_ts").asText(""))
            .text();
    Optional<PagedMessage> page =
        Repositories.with(jdbi, DeliveryRepository::new, r -> r.pageOf(messageId));
    String value = action.path("value").asText("");
    if (page.isEmpty() || !value.equals(Long.toString(page.get().incidentId()))) {
      log.warn(
          "slack: a press by {} on {} names incident '{}', which that message does not page;"
              + " nothing changed",
          slackUser,
          messageId,
          value);
      reply(
          responseUrl, "This button does not belong to a page Firebell sent, so nothing changed.");
      return;
    }
    Actor actor = actor(person.get());
    long incidentId = page.get().incidentId();
    ActionResult result =
        actionId.equals("ack")
            ? incidents.acknowledge(incidentId, actor)
            : incidents.resolve(incidentId, actor);
    switch (result.outcome()) {
      case ACKNOWLEDGED, RESOLVED ->
          log.info("incident {}: {} by {} via Slack", incidentId, actionId, person.get().id());
      default -> reply(responseUrl, ChatOutcomes.text(result, rota.current(), actor.name()));
    }
  }

  /** {@code POST /slack/commands}: {@code /firebell …}, answered in the channel or to the asker. */
  public void command(Context ctx) {
    Map<String, String> form = signedForm(ctx);
    if (form == null) {
      return;
    }
    String slackUser = form.getOrDefault("user_id", "");
    SlackCommand command = SlackCommand.parse(form.get("text"));
    OnCall oncall = rota.current();
    if (command instanceof SlackCommand.Help help) {
      ephemeral(
          ctx,
          (help.problem() == null ? "" : "Not understood: " + help.problem() + ".\n")
              + SlackCommand.USAGE);
      return;
    }
    if (command instanceof SlackCommand.WhoIsOnCall) {
      ephemeral(ctx, whoIsOnCall(oncall, clock.instant()));
      return;
    }
    Optional<Person> person = personOf(slackUser);
    if (person.isEmpty()) {
      log.warn(
          "slack: /firebell {} by unlinked Slack user {} changed nothing",
          form.get("text"),
          slackUser);
      ephemeral(ctx, NOT_LINKED.formatted(slackUser));
      return;
    }
    Actor actor = actor(person.get());
    try {
      if (command instanceof SlackCommand.Acknowledge ack) {
        acted(ctx, incidents.acknowledge(ack.incidentId(), actor), person.get());
      } else if (command instanceof SlackCommand.Resolve resolve) {
        acted(ctx, incidents.resolve(resolve.incidentId(), actor), person.get());
      } else if (command instanceof SlackCommand.Page page) {
        page(ctx, page, actor, oncall);
      }
    } catch (IncidentNotFound e) {
      ephemeral(ctx, "There is no such incident.");
    }
  }

  private void acted(Context ctx, ActionResult result, Person person) {
    Incident incident = result.incident();
    switch (result.outcome()) {
      case ACKNOWLEDGED, RESOLVED ->
          inChannel(
              ctx,
              "#"
                  + incident.id()
                  + " "
                  + incident.title()
                  + ": "
                  + incident.status().wireName()
                  + " by "
                  + person.name());
      default -> ephemeral(ctx, ChatOutcomes.text(result, rota.current(), person.name()));
    }
  }

  private void page(Context ctx, SlackCommand.Page page, Actor actor, OnCall oncall) {
    Optional<Declaration.Target> target = target(page.target(), oncall);
    if (target.isEmpty()) {
      ephemeral(
          ctx,
          "Nobody to page: '"
              + page.target()
              + "' is no person or schedule in the rota (people: "
              + String.join(", ", oncall.people().keySet().stream().sorted().toList())
              + "; schedules: "
              + String.join(", ", oncall.schedules().keySet().stream().sorted().toList())
              + ").");
      return;
    }
    Declaration declaration;
    try {
      declaration =
          Declarations.checked(page.title(), null, null, null, Map.of(), target.get(), severities);
    } catch (dev.firebell.incident.review.InvalidEdit e) {
      ephemeral(ctx, "Not declared: " + e.getMessage() + ".");
      return;
    }
    Incident incident = incidents.declare(declaration, actor);
    inChannel(
        ctx,
        actor.name()
            + " declared #"
            + incident.id()
            + " "
            + incident.title()
            + " and is paging "
            + target.get().kind().name().toLowerCase(java.util.Locale.ROOT)
            + " "
            + target.get().id());
  }

  /**
   * {@code person:sam}, {@code schedule:primary}, or a bare id: a person first, then a schedule.
   */
  static Optional<Declaration.Target> target(String written, OnCall oncall) {
    int colon = written.indexOf(':');
    if (colon > 0) {
      return Declarations.target(written.substring(0, colon), written.substring(colon + 1), oncall);
    }
    return Declarations.target("person", written, oncall)
        .or(() -> Declarations.target("schedule", written, oncall));
  }

  /** Now and next in every schedule, one line each. */
  static String whoIsOnCall(OnCall oncall, Instant now) {
    if (oncall.schedules().isEmpty()) {
      return "There are no schedules.";
    }
    return oncall.schedules().values().stream()
        .sorted(Comparator.comparing(Schedule::id))
        .map(
            schedule -> {
              ScheduleStatus status = ScheduleStatus.of(schedule, now);
              return "*"
                  + schedule.id()
                  + "*: "
                  + oncall.names(status.onCall())
                  + (status.until() == null
                      ? ""
                      : " until <!date^"
                          + status.until().getEpochSecond()
                          + "^{date_short_pretty} at {time}|"
                          + status.until()
                          + ">, then "
                          + oncall.names(status.next()));
            })
        .collect(Collectors.joining("\n"));
  }

  private Optional<Person> personOf(String slackUser) {
    return rota.current().people().values().stream()
        .filter(person -> slackUser.equals(person.slackUserId()))
        .findFirst();
  }

  private static Actor actor(Person person) {
    return new Actor(person.id(), person.name(), "Slack");
  }

  /**
   * The form of a request that carries Slack's signature; otherwise answered (404 when no signing
   * secret is configured, 401 when the signature fails) and null.
   */
  private Map<String, String> signedForm(Context ctx) {
    if (!config.takesRequests()) {
      throw new HttpProblem(
          404, "the Slack app is not configured (slack.signingSecret in firebell.yaml)", null);
    }
    String body = ctx.body();
    SlackSignature.Check check =
        SlackSignature.check(
            config.signingSecret(),
            ctx.header("X-Slack-Request-Timestamp"),
            ctx.header("X-Slack-Signature"),
            body,
            clock.instant());
    if (check != SlackSignature.Check.VALID) {
      log.warn("slack: {} {} refused: {}", ctx.method(), ctx.path(), check.reason());
      throw new HttpProblem(401, "not signed by Slack: " + check.reason(), "X-Slack-Signature");
    }
    return form(body);
  }

  /** An {@code application/x-www-form-urlencoded} body, as signed (first value of each name). */
  static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        form.putIfAbsent(
            URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new HttpProblem(400, "the form is not URL-encoded", "body");
      }
    }
    return form;
  }

  /** A reply only the presser sees, through the {@code response_url} of their press. */
  private void reply(String responseUrl, String text) {
    if (responseUrl == null
        || !responseUrl.startsWith("https://") && !responseUrl.startsWith("http://")) {
      return;
    }
    ObjectNode body =
        json.createObjectNode()
            .put("response_type", "ephemeral")
            .put("replace_original", false)
            .put("text", text);
    http.sendLater(JsonPost.to(responseUrl, Json.write(json, body)), "slack: the reply to a press");
  }

  private void ephemeral(Context ctx, String text) {
    ctx.json(Map.of("response_type", "ephemeral", "text", text));
  }

  private void inChannel(Context ctx, String text) {
    ctx.json(Map.of("response_type", "in_channel", "text", text));
  }
}
