package dev.firebell.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Alert text rendered into a gateway's body stays inside its place for every content type. */
class BodyTemplateTest {
  private static final String TYPED = "He said \"hi\" \\ then\nleft\t\u0001 & <b>x</b> = 1+1 🔥";

  @Test
  void jsonValuesAreEscapedSoTheBodyStaysValidJson() throws Exception {
    BodyTemplate template =
        BodyTemplate.compile(
            "{\"text\": \"{{summary}}\", \"n\": {{alertsTotal}}, \"who\": \"{{person.name}}\"}",
            "application/json");
    String body =
        template.render(
            Map.of("summary", TYPED, "alertsTotal", 3, "person", Map.of("name", "Tessa")));
    JsonNode parsed = new ObjectMapper().readTree(body);
    assertThat(parsed.get("text").asText()).isEqualTo(TYPED);
    assertThat(parsed.get("n").asInt()).isEqualTo(3);
    assertThat(parsed.get("who").asText()).isEqualTo("Tessa");
  }

  @Test
  void formValuesAreUrlEncoded() {
    String body =
        BodyTemplate.compile("To=%2B1555&Body={{summary}}", "application/x-www-form-urlencoded")
            .render(Map.of("summary", TYPED));
    assertThat(body).startsWith("To=%2B1555&Body=").doesNotContain("&b").doesNotContain(" ");
    assertThat(
            URLDecoder.decode(body.substring("To=%2B1555&Body=".length()), StandardCharsets.UTF_8))
        .isEqualTo(TYPED);
  }

  @Test
  void xmlValuesAreEscapedAndPlainTextIsLeftAsWritten() {
    assertThat(BodyTemplate.compile("<t>{{s}}</t>", "text/xml").render(Map.of("s", "<b>&")))
        .isEqualTo("<t>&lt;b&gt;&amp;</t>");
    assertThat(BodyTemplate.compile("{{s}}", "text/plain").render(Map.of("s", "<b>&")))
        .isEqualTo("<b>&");
  }

  @Test
  void aTemplateThatDoesNotParseIsNamed() {
    assertThat(BodyTemplate.problem("{{#alerts}}x", "application/json"))
        .hasValueSatisfying(
            problem -> assertThat(problem).startsWith("the template does not parse"));
    assertThat(BodyTemplate.problem("{{> partial}}", "application/json")).isPresent();
    assertThat(BodyTemplate.problem("{\"a\": \"{{title}}\"}", "application/json")).isEmpty();
  }
}
