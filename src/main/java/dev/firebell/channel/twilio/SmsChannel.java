package dev.firebell.channel.twilio;

import dev.firebell.channel.Channel;
import dev.firebell.channel.HttpDelivery;
import dev.firebell.channel.Notice;
import dev.firebell.channel.PageMessage;
import dev.firebell.channel.Sent;
import dev.firebell.oncall.contact.PhoneContact;
import dev.firebell.outbox.DeliveryFailure;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.Request;

/**
 * A text message through Twilio's Messages API: the headline and the acknowledge link within three
 * billed segments (see {@link SmsLength}).
 */
public final class SmsChannel implements Channel<PhoneContact> {

  private final HttpDelivery http;
  private final TwilioConfig twilio;

  public SmsChannel(HttpDelivery http, TwilioConfig twilio) {
    this.http = http;
    this.twilio = twilio;
  }

  @Override
  public Sent send(PhoneContact contact, PageMessage message) throws DeliveryFailure {
    send(contact, text(message));
    return Sent.NOTHING;
  }

  private void send(PhoneContact contact, String text) throws DeliveryFailure {
    Request request =
        new Request.Builder()
            .url(twilio.apiUrl() + "/2010-04-01/Accounts/" + twilio.accountSid() + "/Messages.json")
            .header("Authorization", Credentials.basic(twilio.accountSid(), twilio.authToken()))
            .post(
                new FormBody.Builder()
                    .add("To", contact.to())
                    .add("From", twilio.from())
                    .add("Body", text)
                    .build())
            .build();
    http.execute(request, "sms");
  }

  @Override
  public Sent notify(PhoneContact contact, Notice notice) throws DeliveryFailure {
    send(contact, text(notice));
    return Sent.NOTHING;
  }

  /** The title, and the action's link whole when there is one. */
  public static String text(Notice notice) {
    String link =
        notice.actionUrl() == null ? "" : " " + notice.actionLabel() + ": " + notice.actionUrl();
    return SmsLength.fit(notice.title().replaceAll("\\s+", " "), link);
  }

  /** The headline, cut so that the link always fits within three billed segments. */
  public static String text(PageMessage message) {
    String link =
        message.ackUrl() != null
            ? " Ack: " + message.ackUrl()
            : message.resolveUrl() != null ? " Resolve: " + message.resolveUrl() : "";
    return SmsLength.fit(message.headline().replaceAll("\\s+", " "), link);
  }
}
