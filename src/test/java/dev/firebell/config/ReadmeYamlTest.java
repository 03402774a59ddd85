package dev.firebell.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.firebell.channel.email.SmtpConfig;
import dev.firebell.channel.pushover.PushoverConfig;
import dev.firebell.channel.slack.SlackConfig;
import dev.firebell.channel.telegram.TelegramConfig;
import dev.firebell.channel.twilio.TwilioConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every YAML example in README.md loads with Firebell's own loaders: on-call examples as
 * oncall.yaml (a fragment naming people it does not list gets stand-ins for them), the others as
 * firebell.yaml. Alertmanager's own configuration and the Slack app manifest are only parsed.
 */
class ReadmeYamlTest {
  private static final Pattern BLOCK =
      Pattern.compile("(?m)^([ \\t]*)```yaml\\n(.*?)^[ \\t]*```$", Pattern.DOTALL);
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)");
  private static final Set<String> ONCALL_KEYS =
      Set.of("people", "schedules", "escalationPolicies", "routes");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir Path dir;

  @Test
  void everyYamlBlockOfTheReadmeLoads() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    Map<String, String> env = environment(readme);
    Matcher block = BLOCK.matcher(readme);
    int checked = 0;
    while (block.find()) {
      String yaml = block.group(2).replaceAll("(?m)^" + Pattern.quote(block.group(1)), "");
      JsonNode tree = YAML.readTree(yaml);
      String where = "README.md block at offset " + block.start() + ":\n" + yaml;
      if (tree.has("receivers")) {
        assertThat(tree.path("receivers").isArray()).as(where).isTrue(); // Alertmanager's file
      } else if (tree.has("display_information")) { // a Slack app manifest
        assertThat(tree.path("oauth_config").path("scopes").path("bot").isArray())
            .as(where)
            .isTrue();
      } else if (isOnCall(tree)) {
        loadOnCall(onCallFile(tree), env, where);
      } else {
        loadConfig(tree, env, where);
      }
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(8);
  }

  private static boolean isOnCall(JsonNode tree) {
    if (tree.isArray()) {
      return true; // a list of people
    }
    List<String> keys = new ArrayList<>();
    tree.fieldNames().forEachRemaining(keys::add);
    return ONCALL_KEYS.containsAll(keys) || (tree.has("id") && tree.has("contacts"));
  }

  /** A whole oncall.yaml: a lone person becomes the people list; people it names are added. */
  private static ObjectNode onCallFile(JsonNode tree) {
    ObjectNode file = YAML.createObjectNode();
    if (tree.isArray()) {
      file.set("people", tree);
    } else if (tree.has("contacts")) {
      file.putArray("people").add(tree);
    } else {
      file.setAll((ObjectNode) tree);
    }
    Set<String> listed = new LinkedHashSet<>();
    file.path("people").forEach(person -> listed.add(person.path("id").asText()));
    Set<String> named = new LinkedHashSet<>();
    for (JsonNode schedule : file.path("schedules")) {
      schedule.path("rotations").forEach(r -> r.path("people").forEach(p -> named.add(p.asText())));
      schedule.path("overrides").forEach(o -> named.add(o.path("person").asText()));
    }
    ArrayNode people =
        file.has("people") ? (ArrayNode) file.get("people") : file.putArray("people");
    for (String id : named) {
      if (!listed.contains(id)) {
        people
            .addObject()
            .put("id", id)
            .putArray("contacts")
            .addObject()
            .put("type", "webhook")
            .put("url", "http://localhost:9999/" + id);
      }
    }
    return file;
  }

  private void loadOnCall(ObjectNode file, Map<String, String> env, String where)
      throws IOException {
    Path oncall = dir.resolve("oncall.yaml");
    Files.writeString(oncall, YAML.writeValueAsString(file));
    FirebellConfig config =
        ConfigBuilder.from(FirebellConfig.defaults())
            .withIngest(IngestConfig.bearer("t"))
            .withOnCall(new OnCallSettings(oncall.toString()))
            .withSmtp(new SmtpConfig("smtp.example.com", 587, "", "", true, "firebell@example.com"))
            .withTwilio(new TwilioConfig("AC123", "token", "+15550100", null))
            .withPushover(new PushoverConfig("azGDORePK8gMaC0QOYAMyEEuzJnyUi", null))
            .withTelegram(new TelegramConfig("123456:ABC-DEF", null))
            .withSlack(new SlackConfig("xoxb-readme", "readme-signing-secret", null))
            .build();
    assertThat(new ConfigLoader(env).loadOnCall(config, dir.resolve("firebell.yaml")))
        .as(where)
        .isNotNull();
  }

  private void loadConfig(JsonNode tree, Map<String, String> env, String where) throws IOException {
    ObjectNode config = ((ObjectNode) tree).deepCopy();
    if (!config.has("ingest")) {
      config.putObject("ingest").put("bearerToken", "readme-ingest-token");
    }
    if (config.has("users")) {
      config.putObject("oncall").put("file", "readme-oncall.yaml");
      Files.writeString(
          dir.resolve("readme-oncall.yaml"),
          "people: [{ id: tessa, contacts: [{ type: webhook, url: \"http://localhost:1/\" }] }]\n");
    }
    Path file = dir.resolve("firebell.yaml");
    Files.writeString(file, YAML.writeValueAsString(config));
    ConfigLoader loader = new ConfigLoader(env);
    FirebellConfig loaded = loader.load(file);
    assertThat(loaded).as(where).isNotNull();
  }

  /** A value for every ${VARIABLE} the README uses, of the shape its place expects. */
  private static Map<String, String> environment(String readme) {
    Map<String, String> env = new HashMap<>();
    Matcher variable = VARIABLE.matcher(readme);
    while (variable.find()) {
      String name = variable.group(1);
      env.put(
          name,
          name.endsWith("DATABASE_URL")
              ? "jdbc:h2:mem:readme"
              : name.endsWith("_URL")
                  ? "https://example.com/" + name.toLowerCase()
                  : "readme-" + name.toLowerCase() + "-0123456789abcdef");
    }
    return env;
  }
}
