package dev.firebell.channel.pushover;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.channel.Channel;
import dev.firebell.channel.ContactCheck;
import dev.firebell.channel.HttpDelivery;
import dev.firebell.channel.Notice;
import dev.firebell.channel.PageMessage;
import dev.firebell.channel.Sent;
import dev.firebell.oncall.contact.ContactEntry;
import dev.firebell.oncall.contact.PushoverContact;
import dev.firebell.outbox.DeliveryFailure;
import dev.firebell.text.Cut;
import okhttp3.FormBody;
import okhttp3.Request;

/**
 * Pushover's messages API ({@code POST /1/messages.json}). A page goes out at emergency priority
 * (2): Pushover repeats it every {@value #RETRY_SECONDS} s, past quiet hours, until it is
 * acknowledged in the app or {@value #EXPIRE_SECONDS} s pass, and answers with a receipt that
 * {@link PushoverReceipts} watches. Status updates, digests and notices go at normal priority.
 */
public final class PushoverChannel implements Channel<PushoverContact> {
  static final int TITLE = 250;
  static final int MESSAGE = 1_024;
  static final int URL_TITLE = 100;
  static final int RETRY_SECONDS = 60;
  static final int EXPIRE_SECONDS = 3_600;

  private final HttpDelivery http;
  private final PushoverConfig pushover;
  private final ObjectMapper json;

  public PushoverChannel(HttpDelivery http, PushoverConfig pushover, ObjectMapper json) {
    this.http = http;
    this.pushover = pushover;
    this.json = json;
  }

  /**
   * Sends; an emergency page answers with a receipt, watched from the delivery on until the
   * incident is handled ({@link PushoverReceipts}).
   */
  @Override
  public Sent send(PushoverContact contact, PageMessage message) throws DeliveryFailure {
    String answer = http.call(post(form(contact, message)), "pushover");
    if (!message.isPage()) {
      return Sent.NOTHING;
    }
    try {
      JsonNode receipt = json.readTree(answer).path("receipt");
      if (!receipt.isTextual()) {
        return Sent.NOTHING;
      }
      String id = receipt.asText();
      return new Sent(
          id,
          (handle, incidentId, personId, now) ->
              new PushoverReceiptRepository(handle).insert(id, incidentId, personId, now));
    } catch (JsonProcessingException e) {
      throw DeliveryFailure.permanent("Pushover answered something that is not JSON");
    }
  }

  /** The form a message is posted as: emergency priority for a page, normal otherwise. */
  public FormBody.Builder form(PushoverContact contact, PageMessage message) {
    FormBody.Builder form =
        form(contact, message.headline(), message.summary() + "\nService: " + message.service());
    if (message.ackUrl() != null) {
      form.add("url", message.ackUrl()).add("url_title", "Acknowledge in Firebell");
    } else {
      form.add("url", message.incidentUrl()).add("url_title", "Open incident");
    }
    if (message.isPage()) {
      form.add("priority", "2")
          .add("retry", Integer.toString(RETRY_SECONDS))
          .add("expire", Integer.toString(EXPIRE_SECONDS))
          .add("sound", "siren");
    } else {
      form.add("priority", "0");
    }
    return form;
  }

  @Override
  public Sent notify(PushoverContact contact, Notice notice) throws DeliveryFailure {
    FormBody.Builder form = form(contact, notice.title(), notice.text());
    form.add("priority", "0");
    if (notice.actionUrl() != null) {
      form.add("url", notice.actionUrl())
          .add("url_title", Cut.toChars(notice.actionLabel(), URL_TITLE));
    } else {
      form.add("url", notice.url()).add("url_title", "Open the rota");
    }
    http.call(post(form), "pushover");
    return Sent.NOTHING;
  }

  /** Plain text within Pushover's limits: title 250 characters, message 1,024. */
  private FormBody.Builder form(PushoverContact contact, String title, String message) {
    return new FormBody.Builder()
        .add("token", pushover.token())
        .add("user", contact.userKey())
        .add("title", Cut.toChars(title.replaceAll("[\\r\\n]+", " "), TITLE))
        .add("message", Cut.toChars(message, MESSAGE));
  }

  private Request post(FormBody.Builder form) {
    return new Request.Builder()
        .url(pushover.apiUrl() + "/1/messages.json")
        .header("User-Agent", "Firebell")
        .post(form.build())
        .build();
  }

  /** A Pushover contact: a user key, and the pushover: section of firebell.yaml. */
  public static PushoverContact read(ContactEntry entry, ContactCheck check) {
    String userKey = check.required(entry.userKey(), "userKey");
    if (!userKey.matches("[A-Za-z0-9]{30}")) {
      throw check.problem("userKey", "a Pushover user key is 30 letters and digits");
    }
    if (!check.config().pushover().isConfigured()) {
      throw check.problem(
          null, "pushover contacts need the pushover: section of firebell.yaml (token)");
    }
    return new PushoverContact(entry.userKey());
  }
}
