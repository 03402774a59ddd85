package dev.firebell.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ${NAME} and ${NAME:-default} in configuration values. */
class EnvExpanderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final EnvExpander expander =
      new EnvExpander(Map.of("TOKEN", "s3cret", "EMPTY", "", "DOLLAR", "a$1\\b"), "firebell.yaml");

  @Test
  void aSetVariableIsReplacedInsideText() throws Exception {
    assertThat(expand("{\"ingest\": {\"bearerToken\": \"Bearer ${TOKEN}!\"}}"))
        .isEqualTo("{\"ingest\":{\"bearerToken\":\"Bearer s3cret!\"}}");
  }

  @Test
  void aDefaultServesAnUnsetOrEmptyVariable() throws Exception {
    assertThat(expand("{\"a\": \"${MISSING:-x}\", \"b\": \"${EMPTY:-y}\", \"c\": \"${EMPTY}\"}"))
        .isEqualTo("{\"a\":\"x\",\"b\":\"y\",\"c\":\"\"}");
  }

  @Test
  void valuesInListsAreExpandedToo() throws Exception {
    assertThat(expand("{\"api\": {\"tokens\": [\"${TOKEN}\", \"plain\"]}}"))
        .isEqualTo("{\"api\":{\"tokens\":[\"s3cret\",\"plain\"]}}");
  }

  @Test
  void aValueIsTakenLiterallyEvenWithDollarsAndBackslashes() throws Exception {
    assertThat(expand("{\"a\": \"${DOLLAR}\"}")).isEqualTo("{\"a\":\"a$1\\\\b\"}");
  }

  @Test
  void anUnsetVariableWithoutDefaultNamesFileAndKey() {
    assertThatThrownBy(() -> expand("{\"smtp\": {\"password\": \"${SMTP_PASSWORD}\"}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("firebell.yaml")
        .hasMessageContaining("smtp.password")
        .hasMessageContaining("environment variable SMTP_PASSWORD is not set");
  }

  private String expand(String json) throws Exception {
    JsonNode tree = JSON.readTree(json);
    expander.expand(tree, "");
    return JSON.writeValueAsString(tree);
  }
}
