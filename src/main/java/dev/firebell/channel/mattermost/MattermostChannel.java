package dev.firebell.channel.mattermost;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebell.channel.Channel;
import dev.firebell.channel.HttpDelivery;
import dev.firebell.channel.JsonPost;
import dev.firebell.channel.Notice;
import dev.firebell.channel.PageMessage;
import dev.firebell.channel.Sent;
import dev.firebell.json.Json;
import dev.firebell.oncall.contact.UrlContact;
import dev.firebell.outbox.DeliveryFailure;
import dev.firebell.text.Cut;

/**
 * A Mattermost incoming webhook: a short {@code text} and one attachment coloured by severity, with
 * severity, service and status fields, Acknowledge and Resolve buttons that act in place ({@code
 * /mattermost/actions}, each holding a signed single-use token for the incident and the person
 * paged) and the same as Markdown links, for a Mattermost that cannot reach Firebell. Alert text is
 * escaped so it forms no links, and {@code @channel}, {@code @here}, {@code @all} and other
 * mentions are broken so a page never notifies a whole channel.
 */
public final class MattermostChannel implements Channel<UrlContact> {
  /** Mattermost's default post limit is 16,383 characters; the attachment stays well within it. */
  static final int TEXT = 4_000;

  static final int TITLE = 250;

  private static final String RESOLVED = "#2E7D32";
  private static final String ACKNOWLEDGED = "#F9A825";

  /** Where Mattermost sends a press on a page's buttons, below {@code publicUrl}. */
  public static final String ACTIONS_PATH = "/mattermost/actions";

  private final HttpDelivery http;
  private final ObjectMapper json;
  private final String actionsUrl;

  public MattermostChannel(HttpDelivery http, ObjectMapper json, String publicUrl) {
    this.http = http;
    this.json = json;
    this.actionsUrl = publicUrl + ACTIONS_PATH;
  }

  @Override
  public Sent send(UrlContact contact, PageMessage message) throws DeliveryFailure {
    http.execute(JsonPost.to(contact.url(), Json.write(json, body(message))), "mattermost");
    return Sent.NOTHING;
  }

  @Override
  public Sent notify(UrlContact contact, Notice notice) throws DeliveryFailure {
    http.execute(JsonPost.to(contact.url(), Json.write(json, body(notice))), "mattermost");
    return Sent.NOTHING;
  }

  public ObjectNode body(PageMessage message) {
    ObjectNode body = json.createObjectNode();
    String headline = Cut.toChars(escape(message.headline()), TITLE);
    body.put("text", headline);
    ObjectNode attachment = body.putArray("attachments").addObject();
    attachment.put("fallback", headline);
    attachment.put("color", color(message));
    attachment.put("title", headline);
    attachment.put("title_link", message.incidentUrl());
    StringBuilder links = new StringBuilder("\n\n");
    if (message.ackUrl() != null) {
      links.append("[Acknowledge](").append(message.ackUrl()).append(") · ");
    }
    if (message.resolveUrl() != null) {
      links.append("[Resolve](").append(message.resolveUrl()).append(") · ");
    }
    links.append("[Open incident](").append(message.incidentUrl()).append(')');
    attachment.put("text", Cut.toChars(escape(message.summary()), TEXT - links.length()) + links);
    ArrayNode fields = attachment.putArray("fields");
    field(fields, "Severity", message.severity());
    field(fields, "Service", message.service());
    field(fields, "Status", message.status());
    buttons(attachment, tokenOf(message.ackUrl()), tokenOf(message.resolveUrl()));
    return body;
  }

  /**
   * The attachment a press leaves in place of the page's: the incident, what was done, and a
   * Resolve button (with a fresh token) while it is open.
   */
  public ObjectNode pressed(
      String headline, String incidentUrl, String outcome, boolean resolved, String resolveToken) {
    ObjectNode attachment = json.createObjectNode();
    String title = Cut.toChars(escape(headline), TITLE);
    attachment.put("fallback", title);
    attachment.put("color", resolved ? RESOLVED : ACKNOWLEDGED);
    attachment.put("title", title);
    attachment.put("title_link", incidentUrl);
    attachment.put("text", escape(outcome) + "\n\n[Open incident](" + incidentUrl + ")");
    buttons(attachment, null, resolved ? null : resolveToken);
    return attachment;
  }

  /**
   * Buttons that post {@code {"action", "token"}} back to Firebell; none when no token is given.
   */
  private void buttons(ObjectNode attachment, String ackToken, String resolveToken) {
    if (ackToken == null && resolveToken == null) {
      return;
    }
    ArrayNode actions = attachment.putArray("actions");
    if (ackToken != null) {
      action(actions, "ack", "Acknowledge", ackToken).put("style", "primary");
    }
    if (resolveToken != null) {
      action(actions, "resolve", "Resolve", resolveToken);
    }
  }

  private ObjectNode action(ArrayNode actions, String id, String label, String token) {
    ObjectNode action = actions.addObject().put("id", id).put("name", label);
    action
        .putObject("integration")
        .put("url", actionsUrl)
        .putObject("context")
        .put("action", id)
        .put("token", token);
    return action;
  }

  /** The token at the end of a link page's URL ({@code …/ack/<token>}); null without a link. */
  private static String tokenOf(String linkUrl) {
    return linkUrl == null ? null : linkUrl.substring(linkUrl.lastIndexOf('/') + 1);
  }

  public ObjectNode body(Notice notice) {
    ObjectNode body = json.createObjectNode();
    String title = Cut.toChars(escape(notice.title()), TITLE);
    body.put("text", title);
    ObjectNode attachment = body.putArray("attachments").addObject();
    attachment.put("fallback", title);
    attachment.put("color", "#1565C0");
    attachment.put("title", title);
    attachment.put("title_link", notice.url());
    String links =
        "\n\n"
            + (notice.actionUrl() == null
                ? ""
                : "[" + notice.actionLabel() + "](" + notice.actionUrl() + ") · ")
            + "[Open the rota]("
            + notice.url()
            + ")";
    attachment.put("text", Cut.toChars(escape(notice.text()), TEXT - links.length()) + links);
    return body;
  }

  private static void field(ArrayNode fields, String title, String value) {
    fields
        .addObject()
        .put("short", true)
        .put("title", title)
        .put("value", Cut.toChars(escape(value), 500));
  }

  /**
   * Resolved is green and acknowledged amber; a triggered incident is coloured by severity, read
   * from its level (SEV-1, critical …), darkest for the worst.
   */
  static String color(PageMessage message) {
    if ("resolved".equals(message.status())) {
      return RESOLVED;
    }
    if ("acknowledged".equals(message.status())) {
      return ACKNOWLEDGED;
    }
    String severity = message.severity() == null ? "" : message.severity().toLowerCase();
    if (severity.contains("1") || severity.contains("critical")) {
      return "#B71C1C";
    }
    if (severity.contains("2") || severity.contains("high") || severity.contains("error")) {
      return "#E53935";
    }
    if (severity.contains("3") || severity.contains("warn")) {
      return "#FB8C00";
    }
    return "#1E88E5";
  }

  /**
   * Markdown characters are escaped with a backslash; an {@code @} gets a zero-width joiner after
   * it, so {@code @channel} shows as written but mentions nobody.
   */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int index = 0; index < text.length(); index++) {
      char c = text.charAt(index);
      if ("\\*_~`[]()#>|<".indexOf(c) >= 0) {
        escaped.append('\\').append(c);
      } else if (c == '@') {
        escaped.append("@\u2060");
      } else {
        escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
