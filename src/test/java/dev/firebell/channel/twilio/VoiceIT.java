package dev.firebell.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import dev.firebell.channel.ChannelFormatsIT;
import dev.firebell.config.ConfigBuilder;
import dev.firebell.escalation.EscalationIT;
import dev.firebell.oncall.contact.ContactType;
import dev.firebell.oncall.contact.PhoneContact;
import dev.firebell.paging.CaptureServer;
import dev.firebell.paging.PagingSetup;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Voice pages through Twilio as it documents calls and callbacks, simulated: the call reads the
 * incident and gathers a key; pressing 1 (a callback signed as Twilio signs it) acknowledges and
 * stops escalation; a forged callback changes nothing; an unanswered call is a failed delivery and
 * escalation carries on.
 */
class VoiceIT {
  private static final String AUTH_TOKEN = "twilio-auth-token";
  private static final String CALLS = "/2010-04-01/Accounts/AC123/Calls.json";

  private CaptureServer twilio;
  private CaptureServer hooks;
  private TestApp app;

  @BeforeEach
  void start() {
    twilio = new CaptureServer();
    hooks = new CaptureServer();
    app =
        TestApp.start(
            ConfigBuilder.from(TestApp.defaultConfig())
                .withTwilio(new TwilioConfig("AC123", AUTH_TOKEN, "+15550000000", twilio.url("/")))
                .build(),
            PagingSetup.team(
                List.of(new PhoneContact(ContactType.VOICE, "+15551234567")),
                List.of(PagingSetup.webhook(hooks.url("/sam")))));
  }

  @AfterEach
  void stop() {
    app.close();
    twilio.close();
    hooks.close();
  }

  @Test
  void pressingOneAcknowledgesAndAForgedCallbackChangesNothing() {
    long id = open();
    Map<String, String> call =
        ChannelFormatsIT.form(twilio.requests(CALLS).get(0).getBody().utf8());
    assertThat(call).containsEntry("To", "+15551234567").containsEntry("From", "+15550000000");
    assertThat(twilio.requests(CALLS).get(0).getHeaders().get("Authorization"))
        .startsWith("Basic ");
    String twiml = call.get("Twiml");
    assertThat(twiml)
        .contains("<Gather numDigits=\"1\"")
        .contains("Firebell. SEV-1. ")
        .contains("Press 1 to acknowledge, 2 to hear it again.");
    String action = action(twiml);
    assertThat(action).startsWith("http://localhost:8080/twilio/voice/");
    assertThat(call.get("StatusCallback")).isEqualTo(action + "/status");

    Reply again = callback(action, Map.of("CallSid", "CA1", "Digits", "2"), true);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).contains("<Gather").contains("Press 1 to acknowledge");

    Reply forged = callback(action, Map.of("CallSid", "CA1", "Digits", "1"), false);
    assertThat(forged.status()).isEqualTo(403);
    assertThat(app.incident(id).get("status").asText()).isEqualTo("triggered");

    Reply pressed = callback(action, Map.of("CallSid", "CA1", "Digits", "1"), true);
    assertThat(pressed.body()).contains("Acknowledged. Escalation has stopped.");
    assertThat(app.incident(id).get("status").asText()).isEqualTo("acknowledged");
    assertThat(EscalationIT.texts(app.incident(id), "acknowledged"))
        .containsExactly("Acknowledged by Tessa via phone");
    assertThat(callback(action, Map.of("CallSid", "CA1", "Digits", "1"), true).body())
        .as("a replayed keypress changes nothing")
        .contains("already acknowledged by tessa");

    app.clock.advance(Duration.ofMinutes(6));
    app.runPaging();
    assertThat(hooks.requests("/sam")).as("escalation stopped").isEmpty();
  }

  @Test
  void anUnansweredCallIsAFailedDeliveryAndEscalationCarriesOn() {
    long id = open();
    String action =
        action(ChannelFormatsIT.form(twilio.requests(CALLS).get(0).getBody().utf8()).get("Twiml"));
    Reply status =
        callback(action + "/status", Map.of("CallSid", "CA1", "CallStatus", "no-answer"), true);
    assertThat(status.status()).isEqualTo(204);
    assertThat(EscalationIT.texts(app.incident(id), "page.failed"))
        .containsExactly("Page to Tessa via voice failed: the call was no answer");
    app.clock.advance(Duration.ofMinutes(5));
    app.runPaging();
    assertThat(hooks.requests("/sam")).hasSize(1);
  }

  private static String action(String twiml) {
    Matcher matcher = Pattern.compile("action=\"([^\"]+)\"").matcher(twiml);
    assertThat(matcher.find()).isTrue();
    return matcher.group(1).replace("&amp;", "&");
  }

  /** Posts as Twilio does: form parameters, signed over the public URL it was given. */
  private Reply callback(String publicUrl, Map<String, String> params, boolean signed) {
    Map<String, String> ordered = new LinkedHashMap<>(params);
    String signature =
        signed
            ? TwilioSignature.sign(AUTH_TOKEN, publicUrl, ordered)
            : TwilioSignature.sign("wrong", publicUrl, ordered);
    String form =
        ordered.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return TestApp.send(
        HttpRequest.newBuilder(URI.create(publicUrl.replace("http://localhost:8080", app.url(""))))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private long open() {
    long id = app.open("/webhooks/alertmanager", Fixtures.read("alertmanager-live/am-firing.json"));
    app.runPaging();
    return id;
  }
}
