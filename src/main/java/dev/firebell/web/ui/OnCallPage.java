package dev.firebell.web.ui;

import dev.firebell.config.DurationParser;
import dev.firebell.oncall.EscalationPolicy;
import dev.firebell.oncall.OnCallWarnings;
import dev.firebell.oncall.Rota;
import dev.firebell.oncall.Schedule;
import dev.firebell.oncall.ScheduleStatus;
import dev.firebell.security.WebSession;
import dev.firebell.web.Pages;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code /oncall}: who is on call now and next, the escalation policies, and warnings. */
public final class OnCallPage {
  private final Rota rota;
  private final UiSecurity security;
  private final Pages pages;
  private final Clock clock;

  public OnCallPage(Rota rota, UiSecurity security, Pages pages, Clock clock) {
    this.rota = rota;
    this.security = security;
    this.pages = pages;
    this.clock = clock;
  }

  public void show(Context ctx) {
    WebSession session = security.session(ctx);
    Instant now = clock.instant();
    List<Map<String, Object>> schedules = new ArrayList<>();
    for (Schedule schedule :
        rota.current().schedules().values().stream()
            .sorted(Comparator.comparing(Schedule::id))
            .toList()) {
      ScheduleStatus status = ScheduleStatus.of(schedule, now);
      Map<String, Object> view = new HashMap<>();
      view.put("id", schedule.id());
      view.put("zone", schedule.timeZone().getId());
      view.put("now", names(status.onCall()));
      view.put("until", status.until() == null ? "" : Views.time(status.until()));
      view.put("next", status.until() == null ? "" : names(status.next()));
      schedules.add(view);
    }
    List<Map<String, Object>> policies = new ArrayList<>();
    for (EscalationPolicy policy :
        rota.current().policies().values().stream()
            .sorted(Comparator.comparing(EscalationPolicy::id))
            .toList()) {
      Map<String, Object> view = new HashMap<>();
      view.put("id", policy.id());
      view.put("repeat", policy.repeat());
      view.put(
          "steps",
          policy.steps().stream()
              .map(
                  step ->
                      step.targets().stream()
                              .map(Object::toString)
                              .collect(Collectors.joining(", "))
                          + ", escalate after "
                          + DurationParser.format(step.escalateAfter()))
              .toList());
      policies.add(view);
    }
    List<String> warnings = OnCallWarnings.all(rota.current(), now);
    Map<String, Object> model = new HashMap<>();
    model.put("user", session.username());
    model.put("csrf", session.csrfToken());
    model.put("schedules", schedules);
    model.put("policies", policies);
    model.put("warnings", warnings);
    ctx.html(pages.render("ui/rota.current().peb", model));
  }

  private String names(List<String> ids) {
    return ids.isEmpty()
        ? "nobody"
        : ids.stream()
            .map(id -> rota.current().person(id).map(p -> p.name()).orElse(id))
            .collect(Collectors.joining(", "));
  }
}
