package dev.firebell.importer.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebell.importer.ImportCommand;
import dev.firebell.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An account of 2,000 users and 300 schedules (generated answers in the recorded shapes, 100 a
 * page): everything comes across, and the import's own time is printed for the figure.
 */
class PagerDutyScaleIT {
  private static final int USERS = 2_000;
  private static final int SCHEDULES = 300;
  private static final int PAGE = 100;
  private static final ObjectMapper JSON = Json.mapper();

  @TempDir Path dir;

  @Test
  void twoThousandUsersAndThreeHundredSchedulesComeAcross() {
    try (RecordedPagerDuty pagerDuty = new RecordedPagerDuty(PagerDutyScaleIT::answer)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      long started = System.nanoTime();
      int exit =
          new ImportCommand(
                  Map.of("FIREBELL_IMPORT_TOKEN", "t"),
                  new PrintStream(out, true, StandardCharsets.UTF_8),
                  new PrintStream(err, true, StandardCharsets.UTF_8),
                  Clock.fixed(Instant.parse("2027-03-01T00:00:00Z"), ZoneOffset.UTC),
                  duration -> {})
              .run(
                  List.of(
                      "pagerduty",
                      "--url",
                      pagerDuty.url(),
                      "--out",
                      dir.resolve("oncall.yaml").toString()));
      long millis = (System.nanoTime() - started) / 1_000_000;
      System.out.printf(
          "import of %,d users and %,d schedules: %,d ms%n", USERS, SCHEDULES, millis);
      assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8))
          .startsWith(
              "Imported from PagerDuty: 2000 people, 2000 contacts, 2000 notification rules,"
                  + " 300 schedules (600 rotations, 0 overrides), 300 escalation policies,"
                  + " 0 routes");
    }
  }

  /** The generated answer for a recorded file's name, or null (404). */
  private static String answer(String name) {
    try {
      if (name.startsWith("users-")) {
        return page("users", offset(name), USERS, PagerDutyScaleIT::user);
      }
      if (name.startsWith("schedules-")) {
        return page("schedules", offset(name), SCHEDULES, PagerDutyScaleIT::scheduleRef);
      }
      if (name.startsWith("escalation_policies-")) {
        return page("escalation_policies", offset(name), SCHEDULES, PagerDutyScaleIT::policy);
      }
      if (name.startsWith("services-")) {
        return page("services", 0, 0, n -> null);
      }
      if (name.startsWith("schedule-")) {
        int n = Integer.parseInt(name.substring("schedule-PS".length(), name.indexOf('.')));
        ObjectNode body = JSON.createObjectNode();
        body.set("schedule", schedule(n));
        return JSON.writeValueAsString(body);
      }
      if (name.equals("overrides-empty.json")) {
        return "{\"overrides\": []}";
      }
      return null;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int offset(String name) {
    return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1, name.indexOf('.')));
  }

  private static String page(
      String key, int offset, int total, java.util.function.IntFunction<ObjectNode> item)
      throws com.fasterxml.jackson.core.JsonProcessingException {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode items = body.putArray(key);
    for (int n = offset; n < Math.min(total, offset + PAGE); n++) {
      items.add(item.apply(n));
    }
    body.put("limit", PAGE).put("offset", offset).put("more", offset + PAGE < total);
    return JSON.writeValueAsString(body);
  }

  private static ObjectNode user(int n) {
    ObjectNode user = JSON.createObjectNode();
    user.put("id", "PU" + n).put("type", "user").put("name", "User " + n);
    user.put("email", "user" + n + "@example.com");
    ObjectNode method = user.putArray("contact_methods").addObject();
    method.put("id", "PC" + n).put("type", "sms_contact_method");
    method.put("address", String.format("2125%06d", n)).put("country_code", 1);
    ObjectNode rule = user.putArray("notification_rules").addObject();
    rule.put("id", "PR" + n).put("type", "assignment_notification_rule");
    rule.put("start_delay_in_minutes", n % 10).put("urgency", "high");
    rule.putObject("contact_method").put("id", "PC" + n).put("type", "sms_contact_method");
    return user;
  }

  private static ObjectNode scheduleRef(int n) {
    ObjectNode schedule = JSON.createObjectNode();
    schedule.put("id", "PS" + n).put("type", "schedule").put("name", "Schedule " + n);
    schedule.put("time_zone", "Europe/Berlin");
    return schedule;
  }

  private static ObjectNode schedule(int n) {
    ObjectNode schedule = scheduleRef(n);
    ArrayNode layers = schedule.putArray("schedule_layers");
    for (int layer = 0; layer < 2; layer++) {
      ObjectNode entry = layers.addObject();
      entry.put("id", "PL" + n + "-" + layer).put("name", "Layer " + (2 - layer));
      entry.put("start", "2027-01-04T08:00:00Z").putNull("end");
      entry.put("rotation_virtual_start", "2027-01-04T08:00:00Z");
      entry.put("rotation_turn_length_seconds", 604_800);
      ArrayNode users = entry.putArray("users");
      for (int k = 0; k < 6; k++) {
        users.addObject().putObject("user").put("id", "PU" + ((n * 6 + k + layer) % USERS));
      }
      ArrayNode restrictions = entry.putArray("restrictions");
      if (layer == 0) {
        restrictions
            .addObject()
            .put("type", "daily_restriction")
            .put("start_time_of_day", "09:00:00")
            .put("duration_seconds", 28_800);
      }
    }
    return schedule;
  }

  private static ObjectNode policy(int n) {
    ObjectNode policy = JSON.createObjectNode();
    policy.put("id", "PE" + n).put("type", "escalation_policy").put("name", "Policy " + n);
    policy.put("num_loops", 1);
    ArrayNode rules = policy.putArray("escalation_rules");
    ObjectNode rule = rules.addObject().put("id", "PER" + n).put("escalation_delay_in_minutes", 5);
    rule.putArray("targets").addObject().put("id", "PS" + n).put("type", "schedule_reference");
    return policy;
  }
}
