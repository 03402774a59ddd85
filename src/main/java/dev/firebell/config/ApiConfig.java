package dev.firebell.config;

import java.util.List;

/** Bearer tokens accepted by the JSON API. Empty entries (an unset variable) are dropped. */
public record ApiConfig(List<String> tokens) {

  public ApiConfig {
    tokens =
        tokens == null
            ? List.of()
            : tokens.stream().filter(token -> token != null && !token.isBlank()).toList();
  }

  public static ApiConfig defaults() {
    return new ApiConfig(null);
  }

  public static ApiConfig token(String token) {
    return new ApiConfig(List.of(token));
  }
}
