package dev.firebell.web;

import dev.firebell.config.SeverityConfig;
import dev.firebell.incident.Declaration;
import dev.firebell.incident.review.EditField;
import dev.firebell.incident.review.IncidentEdit;
import dev.firebell.incident.review.InvalidEdit;
import dev.firebell.oncall.OnCall;
import java.util.Map;
import java.util.Optional;

/**
 * What the API and the web form both check of a declaration: a title and a summary within the
 * limits of an edit, a configured severity (the default when none is given), and a target the rota
 * knows.
 */
public final class Declarations {
  private static final int SERVICE_WIDTH = 255;

  private Declarations() {}

  /**
   * @throws InvalidEdit naming a field that is out of bounds
   */
  public static Declaration checked(
      String title,
      String summary,
      String severity,
      String service,
      Map<String, String> labels,
      Declaration.Target target,
      SeverityConfig severities) {
    IncidentEdit edit =
        IncidentEdit.builder(severities.severities())
            .title(title)
            .severity(severity == null ? severities.defaultSeverity() : severity)
            .text(EditField.SUMMARY, summary)
            .build();
    String serviceName =
        service == null || service.isBlank() ? labels.getOrDefault("service", "unknown") : service;
    if (serviceName.length() > SERVICE_WIDTH) {
      throw new InvalidEdit("service", "service is longer than " + SERVICE_WIDTH + " characters");
    }
    return new Declaration(
        edit.title(), edit.summary(), edit.severity(), serviceName.strip(), labels, target);
  }

  /**
   * A target by its field ({@code person}, {@code schedule}, {@code policy}), if the rota has it.
   */
  public static Optional<Declaration.Target> target(String field, String id, OnCall oncall) {
    return switch (field) {
      case "person" ->
          oncall.people().containsKey(id)
              ? Optional.of(new Declaration.Target(Declaration.Kind.PERSON, id))
              : Optional.empty();
      case "schedule" ->
          oncall.schedules().containsKey(id)
              ? Optional.of(new Declaration.Target(Declaration.Kind.SCHEDULE, id))
              : Optional.empty();
      case "policy" ->
          oncall.policies().containsKey(id)
              ? Optional.of(new Declaration.Target(Declaration.Kind.POLICY, id))
              : Optional.empty();
      default -> Optional.empty();
    };
  }
}
