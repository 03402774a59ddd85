package dev.firebell.postmortem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A drafted postmortem before it meets the template: its heading time, a notice when the incident
 * is still open, and the template's sections in order, each with what Firebell knows.
 */
public record Postmortem(
    long incidentId, String incidentTime, String openNotice, List<Section> sections) {

  /**
   * One section. {@code known} says whether Firebell has facts for it; {@code showGuidance} whether
   * the template's guidance note should be shown (always when nothing is known).
   */
  public record Section(
      String key, String title, boolean known, boolean showGuidance, String body) {
    Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("key", key);
      map.put("title", title);
      map.put("known", known);
      map.put("showGuidance", showGuidance);
      map.put("body", body);
      return map;
    }
  }

  /** The length of the sections' text, the bulk of the rendered draft. */
  int bodyLength() {
    return sections.stream().mapToInt(section -> section.body().length()).sum();
  }

  /** The template's view: top-level values, every section by key, and the list of sections. */
  Map<String, Object> toTemplateContext() {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("incidentId", incidentId);
    context.put("incidentTime", incidentTime);
    context.put("openNotice", openNotice);
    context.put("sections", sections.stream().map(Section::toMap).toList());
    sections.forEach(section -> context.put(section.key(), section.toMap()));
    return context;
  }
}
