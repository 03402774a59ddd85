package dev.firebell.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** How the importer's HTTP client reads waits and words its one-line errors. */
class VendorHttpTest {
  @Test
  void retryAfterIsReadInSecondsAndBounded() {
    assertThat(VendorHttp.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
    assertThat(VendorHttp.retryAfter(null)).isEqualTo(Duration.ofSeconds(1));
    assertThat(VendorHttp.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT"))
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(VendorHttp.retryAfter("86400")).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void errorsNameTheStatusAndTheUrlWithoutItsQuery() {
    assertThat(VendorHttp.reason(401, "")).isEqualTo("Unauthorized");
    assertThat(VendorHttp.reason(503, null)).isEqualTo("Service Unavailable");
    assertThat(VendorHttp.reason(401, "Unauthorized ")).isEqualTo("Unauthorized");
    assertThat(
            VendorHttp.shown(
                HttpUrl.get("https://api.pagerduty.com/users?limit=100&include[]=contact_methods")))
        .isEqualTo("https://api.pagerduty.com/users");
  }
}
