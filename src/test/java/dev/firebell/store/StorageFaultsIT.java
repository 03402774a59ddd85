package dev.firebell.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import dev.firebell.oncall.OnCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A full disk, a read-only database or an I/O error is a reason for the sender to retry, not an
 * internal error: 503 with Retry-After, nothing half-written, and the retry succeeds once storage
 * is back.
 */
class StorageFaultsIT {
  private static final String FIRING = Fixtures.read("alertmanager-live/am-firing.json");

  @ParameterizedTest(name = "SQLSTATE {0}")
  @ValueSource(strings = {"53100", "25006", "58030", "90028", "90097", "90098"})
  void aWriteThatStorageRefusesIsAnsweredRetryLater(String sqlState) {
    FaultInjection faults = new FaultInjection();
    try (TestApp app = TestApp.start(TestApp.defaultConfig(), OnCall.empty(), faults.wrapper())) {
      faults.failWrites(sqlState);
      Reply refused = app.postWebhook("/webhooks/alertmanager", FIRING);
      assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
      assertThat(refused.header("Retry-After")).isNotBlank();
      assertThat(refused.body()).doesNotContain("Exception");
      assertThat(app.incidents("all")).isEmpty();

      faults.heal();
      Reply retried = app.postWebhook("/webhooks/alertmanager", FIRING);
      assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
      assertThat(retried.json().get("outcome").asText()).isEqualTo("opened");
      assertThat(app.incidents("all")).hasSize(1);
      assertThat(app.incident(retried.json().get("incidentId").asLong()).get("alerts")).hasSize(1);
    }
  }

  @Test
  void anUnknownStorageErrorIsStillAnInternalErrorWithoutDetails() {
    FaultInjection faults = new FaultInjection();
    try (TestApp app = TestApp.start(TestApp.defaultConfig(), OnCall.empty(), faults.wrapper())) {
      faults.failWrites("42000");
      Reply refused = app.postWebhook("/webhooks/alertmanager", FIRING);
      assertThat(refused.status()).isEqualTo(500);
      assertThat(refused.body()).doesNotContain("injected");
      assertThat(app.incidents("all")).isEmpty();
    }
  }
}
