package dev.firebell.web;

import dev.firebell.postmortem.Postmortem;
import dev.firebell.postmortem.PostmortemService;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/incidents/{id}/postmortem}: the draft as {@code text/markdown}, or with {@code
 * ?format=json} the same content as sections.
 */
public final class PostmortemApi {
  private static final Logger log = LoggerFactory.getLogger(PostmortemApi.class);

  private final PostmortemService postmortems;

  public PostmortemApi(PostmortemService postmortems) {
    this.postmortems = postmortems;
  }

  public void get(Context ctx) {
    long id = IncidentApi.incidentId(ctx);
    String format = ctx.queryParam("format");
    if (format != null && !format.equals("markdown") && !format.equals("json")) {
      throw new HttpProblem(400, "format must be markdown or json", "format");
    }
    Postmortem draft = postmortems.draft(id);
    if (format == null || format.equals("markdown")) {
      sendMarkdown(ctx, postmortems, draft);
    } else {
      ctx.json(
          new Json(
              draft.incidentId(),
              draft.incidentTime(),
              draft.openNotice(),
              draft.sections(),
              postmortems.markdown(draft)));
    }
  }

  /** Answers with the draft as Markdown, written as it renders. */
  public static void sendMarkdown(Context ctx, PostmortemService postmortems, Postmortem draft) {
    ctx.contentType("text/markdown; charset=utf-8");
    try {
      postmortems.writeMarkdown(
          draft,
          new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)));
    } catch (IOException e) { // only the response is written to: the client went away
      log.info(
          "{} {}: the client stopped reading the draft ({})",
          ctx.method(),
          ctx.path(),
          e.toString());
    }
  }

  record Json(
      long incidentId,
      String incidentTime,
      String openNotice,
      List<Postmortem.Section> sections,
      String markdown) {}
}
