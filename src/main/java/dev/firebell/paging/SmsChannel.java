package dev.firebell.paging;

import dev.firebell.config.TwilioConfig;
import dev.firebell.oncall.Contact;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.Request;

/** A text message through Twilio's Messages API, under 320 characters with the acknowledge link. */
final class SmsChannel implements Channel {
  static final int MAX_LENGTH = 320;

  private final HttpDelivery http;
  private final TwilioConfig twilio;

  SmsChannel(HttpDelivery http, TwilioConfig twilio) {
    this.http = http;
    this.twilio = twilio;
  }

  @Override
  public void send(Contact contact, PageMessage message) throws DeliveryFailure {
    Request request =
        new Request.Builder()
            .url(twilio.apiUrl() + "/2010-04-01/Accounts/" + twilio.accountSid() + "/Messages.json")
            .header("Authorization", Credentials.basic(twilio.accountSid(), twilio.authToken()))
            .post(
                new FormBody.Builder()
                    .add("To", contact.to())
                    .add("From", twilio.from())
                    .add("Body", text(message))
                    .build())
            .build();
    http.execute(request, "sms");
  }

  /** The headline, cut so that the link always fits. */
  static String text(PageMessage message) {
    String link =
        message.ackUrl() != null
            ? " Ack: " + message.ackUrl()
            : message.resolveUrl() != null ? " Resolve: " + message.resolveUrl() : "";
    String headline = message.headline();
    int room = MAX_LENGTH - link.length();
    if (headline.length() > room) {
      headline = headline.substring(0, Math.max(0, room - 1)) + "…";
    }
    return headline + link;
  }
}
