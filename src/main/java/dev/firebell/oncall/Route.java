package dev.firebell.oncall;

import dev.firebell.config.Urgency;
import java.util.List;
import java.util.Map;

/**
 * Sends incidents to a policy when their labels equal every {@code match} entry and satisfy every
 * matcher (Alertmanager's {@code =}, {@code !=}, {@code =~}, {@code !~}); a route with neither is a
 * catch-all. {@code urgency} (null: the severity's) sets the urgency of the incidents it routes.
 */
public record Route(
    Map<String, String> match, List<LabelMatcher> matchers, Urgency urgency, String policy) {
  public Route {
    match = Map.copyOf(match);
    matchers = List.copyOf(matchers);
  }

  public Route(Map<String, String> match, String policy) {
    this(match, List.of(), null, policy);
  }

  public Route(Map<String, String> match, List<LabelMatcher> matchers, String policy) {
    this(match, matchers, null, policy);
  }

  public boolean matches(Map<String, String> labels) {
    return match.entrySet().stream()
            .allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())))
        && matchers.stream().allMatch(matcher -> matcher.matches(labels));
  }
}
