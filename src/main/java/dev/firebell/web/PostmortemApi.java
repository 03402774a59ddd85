package dev.firebell.web;

import dev.firebell.postmortem.Postmortem;
import dev.firebell.postmortem.PostmortemService;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code GET /api/incidents/{id}/postmortem}: the draft as {@code text/markdown}, or with {@code
 * ?format=json} the same content as sections.
 */
public final class PostmortemApi {
  private final PostmortemService postmortems;

  public PostmortemApi(PostmortemService postmortems) {
    this.postmortems = postmortems;
  }

  public void get(Context ctx) {
    long id = IncidentApi.incidentId(ctx);
    String format = ctx.queryParam("format");
    Postmortem draft = postmortems.draft(id);
    String markdown = postmortems.markdown(draft);
    if (format == null || format.equals("markdown")) {
      ctx.contentType("text/markdown; charset=utf-8").result(markdown);
    } else if (format.equals("json")) {
      ctx.json(
          new Json(
              draft.incidentId(),
              draft.incidentTime(),
              draft.openNotice(),
              draft.sections(),
              markdown));
    } else {
      throw new HttpProblem(400, "format must be markdown or json", "format");
    }
  }

  record Json(
      long incidentId,
      String incidentTime,
      String openNotice,
      List<Postmortem.Section> sections,
      String markdown) {}
}
