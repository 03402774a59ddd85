package dev.firebell.channel.twilio;

import dev.firebell.channel.Channel;
import dev.firebell.channel.HttpDelivery;
import dev.firebell.channel.Notice;
import dev.firebell.channel.PageMessage;
import dev.firebell.channel.Sent;
import dev.firebell.oncall.contact.PhoneContact;
import dev.firebell.outbox.DeliveryFailure;
import dev.firebell.security.LinkAction;
import dev.firebell.security.LinkTokens;
import dev.firebell.text.Cut;
import java.time.Clock;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.Request;

/**
 * A Twilio phone call ({@code POST /2010-04-01/Accounts/{sid}/Calls.json}) that reads the incident
 * out and gathers one key: 1 acknowledges, 2 repeats. Its keypress and its end come back to {@code
 * {publicUrl}/twilio/voice/<signed token>} (and {@code …/status}); a call that is not answered,
 * busy or failed turns the page into a failed delivery there. Status updates, digests and notices
 * are spoken once, without a keypress.
 */
public final class VoiceChannel implements Channel<PhoneContact> {
  private final HttpDelivery http;
  private final TwilioConfig twilio;
  private final LinkTokens tokens;
  private final String publicUrl;
  private final Clock clock;

  public VoiceChannel(
      HttpDelivery http, TwilioConfig twilio, LinkTokens tokens, String publicUrl, Clock clock) {
    this.http = http;
    this.twilio = twilio;
    this.tokens = tokens;
    this.publicUrl = publicUrl;
    this.clock = clock;
  }

  @Override
  public Sent send(PhoneContact contact, PageMessage message) throws DeliveryFailure {
    if (!message.isPage() || message.incidentId() <= 0) {
      call(contact, twiml(message, null), null);
      return Sent.NOTHING;
    }
    String callback =
        publicUrl
            + "/"
            + LinkAction.VOICE.path()
            + "/"
            + tokens.issue(
                message.incidentId(), message.person().id(), LinkAction.VOICE, clock.instant());
    call(contact, twiml(message, callback), callback + "/status");
    return Sent.NOTHING;
  }

  /** A page gathers a key at {@code callback}; anything else is said once. */
  public static String twiml(PageMessage message, String callback) {
    if (callback == null) {
      return VoiceScript.said("Firebell. " + Cut.toChars(message.headline(), VoiceScript.SPOKEN));
    }
    return VoiceScript.gather(
        VoiceScript.speech(message.severity(), message.title(), message.service()), callback);
  }

  @Override
  public Sent notify(PhoneContact contact, Notice notice) throws DeliveryFailure {
    call(contact, VoiceScript.said("Firebell. " + notice.title()), null);
    return Sent.NOTHING;
  }

  private void call(PhoneContact contact, String twiml, String statusCallback)
      throws DeliveryFailure {
    FormBody.Builder form =
        new FormBody.Builder()
            .add("To", contact.to())
            .add("From", twilio.from())
            .add("Twiml", twiml);
    if (statusCallback != null) {
      form.add("StatusCallback", statusCallback).add("StatusCallbackMethod", "POST");
    }
    http.execute(
        new Request.Builder()
            .url(twilio.apiUrl() + "/2010-04-01/Accounts/" + twilio.accountSid() + "/Calls.json")
            .header("Authorization", Credentials.basic(twilio.accountSid(), twilio.authToken()))
            .post(form.build())
            .build(),
        "voice");
  }
}
