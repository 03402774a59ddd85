package dev.firebell.web.oncall;

import dev.firebell.channel.Channels;
import dev.firebell.channel.PageMessage;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Role;
import dev.firebell.oncall.Rota;
import dev.firebell.oncall.contact.ContactMethod;
import dev.firebell.outbox.DeliveryFailure;
import dev.firebell.web.Acting;
import dev.firebell.web.HttpProblem;
import io.javalin.http.Context;

/**
 * {@code POST /api/people/{id}/contacts/{contactId}/test}: sends a test page to one contact at
 * once, outside the outbox and stamped nowhere, and answers how it went, so people can check their
 * phone before their first shift.
 */
public final class ContactTestApi {
  private final Rota rota;
  private final Channels channels;
  private final String publicUrl;

  public ContactTestApi(Rota rota, Channels channels, String publicUrl) {
    this.rota = rota;
    this.channels = channels;
    this.publicUrl = publicUrl;
  }

  public void test(Context ctx) {
    Acting.selfOrAdmin(
        ctx, rota.current(), Role.VIEWER, "sending a test page", ctx.pathParam("id"));
    Result result = send(ctx.pathParam("id"), ctx.pathParam("contactId"));
    ctx.status(result.delivered() ? 200 : 502).json(result);
  }

  /** What the test page did: delivered, or the channel's answer. */
  public record Result(
      String person, String contact, String channel, boolean delivered, String error) {}

  /** Sends the test page; 404 for an unknown person or contact. */
  public Result send(String personId, String contactId) {
    Person person =
        rota.current()
            .person(personId)
            .orElseThrow(() -> new HttpProblem(404, "unknown person '" + personId + "'", "id"));
    ContactMethod contact =
        person
            .contact(contactId)
            .orElseThrow(
                () ->
                    new HttpProblem(
                        404, personId + " has no contact '" + contactId + "'", "contactId"));
    PageMessage message =
        PageMessage.test(new PageMessage.Recipient(person.id(), person.name()), publicUrl);
    try {
      channels.send(contact.contact(), message);
      return new Result(person.id(), contact.id(), contact.channel(), true, null);
    } catch (DeliveryFailure e) {
      return new Result(person.id(), contact.id(), contact.channel(), false, e.getMessage());
    }
  }
}
