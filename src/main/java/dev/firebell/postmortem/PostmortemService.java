package dev.firebell.postmortem;

import dev.firebell.config.PostmortemConfig;
import dev.firebell.incident.IncidentDetails;
import dev.firebell.incident.IncidentReads;
import dev.firebell.incident.IncidentSummary;
import dev.firebell.notify.DeliveryRepository;
import dev.firebell.notify.PageRecord;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Rota;
import dev.firebell.store.Repositories;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Gathers an incident's facts and drafts its postmortem in the team's template. */
public final class PostmortemService {
  private final IncidentReads incidents;
  private final Jdbi jdbi;
  private final Rota rota;
  private final PostmortemDrafter drafter;
  private final PostmortemTemplate template;
  private final Clock clock;

  /** The service with the drafter and template {@code config} names. */
  public static PostmortemService create(
      PostmortemConfig config, IncidentReads incidents, Jdbi jdbi, Rota rota, Clock clock) {
    return new PostmortemService(
        incidents,
        jdbi,
        rota,
        new PostmortemDrafter(config.keepGuidance()),
        PostmortemTemplate.load(config),
        clock);
  }

  public PostmortemService(
      IncidentReads incidents,
      Jdbi jdbi,
      Rota rota,
      PostmortemDrafter drafter,
      PostmortemTemplate template,
      Clock clock) {
    this.incidents = incidents;
    this.jdbi = jdbi;
    this.rota = rota;
    this.drafter = drafter;
    this.template = template;
    this.clock = clock;
  }

  /** The draft as sections, for the JSON form. */
  public Postmortem draft(long id) {
    IncidentSummary summary = incidents.summary(id, PostmortemDrafter.LISTED_ALERT_INSTANCES);
    IncidentDetails details = summary.details();
    List<PageRecord> pages = Repositories.with(jdbi, DeliveryRepository::new, r -> r.pages(id));
    List<PostmortemFacts.EarlierIncident> earlier =
        incidents.earlierIncidents(details.incident()).stream()
            .map(
                incident ->
                    new PostmortemFacts.EarlierIncident(
                        incident, incidents.resolvedBy(incident.id())))
            .toList();
    Map<String, String> names =
        rota.current().people().values().stream()
            .collect(Collectors.toMap(Person::id, Person::name));
    return drafter.draft(new PostmortemFacts(summary, pages, earlier, names, clock.instant()));
  }

  /** The draft rendered as Markdown. */
  public String markdown(Postmortem draft) {
    return template.render(draft);
  }

  /**
   * The draft rendered as Markdown into {@code out} (flushed, not closed): a storm's draft is
   * megabytes, and a response need not hold it whole.
   */
  public void writeMarkdown(Postmortem draft, Writer out) throws IOException {
    template.render(draft, out);
    out.flush();
  }
}
