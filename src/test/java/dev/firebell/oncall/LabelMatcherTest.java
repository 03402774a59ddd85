package dev.firebell.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Route matchers read as Alertmanager reads them: the cases of its own parser tests
 * (pkg/labels/parse_test.go), one matcher at a time, and how they match.
 */
class LabelMatcherTest {

  static Stream<Arguments> alertmanagersExamples() {
    return Stream.of(
        Arguments.of("foo=\"bar\"", "foo", LabelMatcher.Type.EQUAL, "bar"),
        Arguments.of("foo=~\"bar.*\"", "foo", LabelMatcher.Type.REGEX, "bar.*"),
        Arguments.of("foo!=\"bar\"", "foo", LabelMatcher.Type.NOT_EQUAL, "bar"),
        Arguments.of("foo!~\"bar.*\"", "foo", LabelMatcher.Type.NOT_REGEX, "bar.*"),
        Arguments.of("foo=\"\"", "foo", LabelMatcher.Type.EQUAL, ""),
        Arguments.of("foo=\"bar,quux\"", "foo", LabelMatcher.Type.EQUAL, "bar,quux"),
        Arguments.of("foo = \"bar\"", "foo", LabelMatcher.Type.EQUAL, "bar"),
        Arguments.of("dings!=bums", "dings", LabelMatcher.Type.NOT_EQUAL, "bums"),
        Arguments.of(
            "quote=\"She said: \\\"Hi, ladies! That's gender-neutral…\\\"\"",
            "quote",
            LabelMatcher.Type.EQUAL,
            "She said: \"Hi, ladies! That's gender-neutral…\""),
        Arguments.of("statuscode=~\"5..\"", "statuscode", LabelMatcher.Type.REGEX, "5.."),
        Arguments.of("tricky=~~~", "tricky", LabelMatcher.Type.REGEX, "~~"),
        Arguments.of("trickier==\\\\=\\=\\\"", "trickier", LabelMatcher.Type.EQUAL, "=\\=\\=\""),
        Arguments.of(
            "contains_quote != \"\\\"\" ", "contains_quote", LabelMatcher.Type.NOT_EQUAL, "\""),
        Arguments.of(
            "contains_comma !~ \"foo,bar\"",
            "contains_comma",
            LabelMatcher.Type.NOT_REGEX,
            "foo,bar"),
        Arguments.of(
            "severity=~critical|high", "severity", LabelMatcher.Type.REGEX, "critical|high"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("alertmanagersExamples")
  void readsAlertmanagersExamples(String text, String name, LabelMatcher.Type type, String value) {
    LabelMatcher matcher = LabelMatcher.parse(text);
    assertThat(matcher.name()).isEqualTo(name);
    assertThat(matcher.type()).isEqualTo(type);
    assertThat(matcher.value()).isEqualTo(value);
  }

  static Stream<Arguments> badOnes() {
    return Stream.of(
        Arguments.of("job=", "matcher value is not present: job="),
        Arguments.of("job=\"value", "matcher value contains unescaped double quote: \"value"),
        Arguments.of("job=value\"", "matcher value contains unescaped double quote: value\""),
        Arguments.of(
            "trickier==\\\\=\\=\\\"\"",
            "matcher value contains unescaped double quote: =\\\\=\\=\\\"\""),
        Arguments.of(
            "contains_unescaped_quote = foo\"bar",
            "matcher value contains unescaped double quote: foo\"bar"),
        Arguments.of(
            "invalid-name = \"valid label\"", "bad matcher format: invalid-name = \"valid label\""),
        Arguments.of("\"foo=\\\"bar\\\"\"", "bad matcher format: \"foo=\\\"bar\\\"\""),
        Arguments.of("foo=~\"invalid[regexp\"", "error parsing regexp: "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badOnes")
  void refusesWhatAlertmanagerRefuses(String text, String error) {
    assertThatThrownBy(() -> LabelMatcher.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(error);
  }

  @Test
  void regularExpressionsAreAnchoredAtBothEnds() {
    LabelMatcher severity = LabelMatcher.parse("severity=~critical|high");
    assertThat(severity.matches(Map.of("severity", "critical"))).isTrue();
    assertThat(severity.matches(Map.of("severity", "high"))).isTrue();
    assertThat(severity.matches(Map.of("severity", "highest"))).isFalse();
    assertThat(severity.matches(Map.of("severity", "not critical"))).isFalse();
  }

  @Test
  void aMissingLabelMatchesAsTheEmptyString() {
    assertThat(LabelMatcher.parse("env!=staging").matches(Map.of())).isTrue();
    assertThat(LabelMatcher.parse("env!~\"staging|dev\"").matches(Map.of())).isTrue();
    assertThat(LabelMatcher.parse("env=\"\"").matches(Map.of())).isTrue();
    assertThat(LabelMatcher.parse("env=~.+").matches(Map.of())).isFalse();
    assertThat(LabelMatcher.parse("env!=staging").matches(Map.of("env", "staging"))).isFalse();
  }

  @Test
  void aRouteNeedsItsMatchAndEveryMatcher() {
    Route route =
        new Route(
            Map.of("team", "web"),
            java.util.List.of(
                LabelMatcher.parse("severity=~\"critical|high\""),
                LabelMatcher.parse("env!=staging")),
            "default");
    assertThat(route.matches(Map.of("team", "web", "severity", "high", "env", "prod"))).isTrue();
    assertThat(route.matches(Map.of("team", "web", "severity", "high", "env", "staging")))
        .isFalse();
    assertThat(route.matches(Map.of("team", "db", "severity", "high"))).isFalse();
    assertThat(route.matches(Map.of("team", "web", "severity", "low"))).isFalse();
  }
}
