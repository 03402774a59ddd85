package dev.firebell.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.config.ConfigBuilder;
import dev.firebell.escalation.EscalationIT;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.contact.TelegramContact;
import dev.firebell.paging.CaptureServer;
import dev.firebell.paging.PagingSetup;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Telegram's Bot API as it documents it, simulated: a page with an inline keyboard; the bot's
 * getUpdates brings a press on Acknowledge; a press from a Telegram user mapped to a person
 * acknowledges as them and stops escalation, and the message is edited to say so; a press from
 * anyone else changes nothing.
 */
class TelegramIT {
  private static final String BOT = "/bot123456:ABC-DEF";
  private static final long TESSA_ON_TELEGRAM = 111_222_333L;

  private CaptureServer telegram;
  private CaptureServer hooks;
  private TestApp app;

  @BeforeEach
  void start() {
    telegram = new CaptureServer();
    hooks = new CaptureServer();
    OnCall team =
        PagingSetup.team(
            List.of(new TelegramContact("-1001234567890")),
            List.of(PagingSetup.webhook(hooks.url("/sam"))));
    Map<String, Person> people = new HashMap<>(team.people());
    Person tessa = people.get("tessa");
    people.put(
        "tessa",
        new Person(tessa.id(), tessa.name(), tessa.contacts(), tessa.rules(), TESSA_ON_TELEGRAM));
    OnCall mapped =
        new OnCall(Map.copyOf(people), team.schedules(), team.policies(), team.routes(), List.of());
    app =
        TestApp.start(
            ConfigBuilder.from(TestApp.defaultConfig())
                .withTelegram(new TelegramConfig("123456:ABC-DEF", telegram.url("/")))
                .build(),
            mapped);
    telegram.answer(BOT + "/sendMessage", json("{\"ok\": true, \"result\": {\"message_id\": 77}}"));
  }

  @AfterEach
  void stop() {
    app.close();
    telegram.close();
    hooks.close();
  }

  @Test
  void aMappedPressAcknowledgesStopsEscalationAndEditsTheMessage() throws Exception {
    long id = open();
    JsonNode sent = CaptureServer.json(telegram.requests(BOT + "/sendMessage").get(0));
    assertThat(sent.get("chat_id").asText()).isEqualTo("-1001234567890");
    assertThat(sent.has("parse_mode")).as("plain text: alert text forms no markup").isFalse();
    assertThat(sent.get("text").asText()).startsWith("[SEV-1] #" + id + " ");
    JsonNode buttons = sent.get("reply_markup").get("inline_keyboard").get(0);
    assertThat(buttons.findValuesAsText("text")).containsExactly("Acknowledge", "Resolve", "Open");
    assertThat(buttons.get(0).get("callback_data").asText()).isEqualTo("ack:" + id);

    telegram.answer(
        BOT + "/getUpdates",
        json(press(41, 999L, "ack:" + id), press(42, TESSA_ON_TELEGRAM, "ack:" + id)));
    assertThat(app.app().followUps().telegram().pollOnce(Duration.ZERO)).isTrue();

    assertThat(app.incident(id).get("status").asText()).isEqualTo("acknowledged");
    assertThat(app.incident(id).get("acknowledgedBy").asText()).isEqualTo("tessa");
    assertThat(EscalationIT.texts(app.incident(id), "acknowledged"))
        .containsExactly("Acknowledged by Tessa via Telegram");
    List<JsonNode> answers = telegram.json(BOT + "/answerCallbackQuery");
    assertThat(answers)
        .extracting(a -> a.get("text").asText())
        .containsExactly(
            "Not done: your Telegram account is not mapped to an on-call person",
            "Acknowledged by Tessa");
    JsonNode edited = telegram.json(BOT + "/editMessageText").get(0);
    assertThat(edited.get("message_id").asLong()).isEqualTo(77);
    assertThat(edited.get("text").asText()).endsWith("\n\nAcknowledged by Tessa");
    assertThat(edited.get("reply_markup").get("inline_keyboard").get(0).findValuesAsText("text"))
        .containsExactly("Resolve", "Open");

    app.clock.advance(Duration.ofMinutes(6));
    app.runPaging();
    assertThat(hooks.requests("/sam")).as("escalation stopped").isEmpty();

    telegram.answer(BOT + "/getUpdates", json("{\"ok\": true, \"result\": []}"));
    app.app().followUps().telegram().pollOnce(Duration.ZERO);
    List<JsonNode> polls = telegram.json(BOT + "/getUpdates");
    assertThat(polls.get(polls.size() - 1).get("offset").asLong())
        .as("updates are handled once")
        .isEqualTo(43);
  }

  private static String press(long updateId, long from, String data) {
    return """
        {"update_id": %d, "callback_query": {"id": "cq%d", "from": {"id": %d, "is_bot": false,
          "first_name": "T"}, "message": {"message_id": 77, "chat": {"id": -1001234567890,
          "type": "supergroup"}, "text": "[SEV-1] page"}, "data": "%s"}}
        """
        .formatted(updateId, updateId, from, data);
  }

  private static MockResponse json(String... updates) {
    String body =
        updates.length == 1 && updates[0].startsWith("{\"ok\"")
            ? updates[0]
            : "{\"ok\": true, \"result\": [" + String.join(",", updates) + "]}";
    return new MockResponse(200, Headers.of("Content-Type", "application/json"), body);
  }

  private long open() {
    long id = app.open("/webhooks/alertmanager", Fixtures.read("alertmanager-live/am-firing.json"));
    app.runPaging();
    return id;
  }
}
