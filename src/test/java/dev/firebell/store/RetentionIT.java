package dev.firebell.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.Payloads;
import dev.firebell.TestApp;
import dev.firebell.oncall.OnCall;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Every outbox table, the Pushover receipts and the requests for cover lose their ended rows after
 * {@code paging.keepDeliveries} (30 days by default), on the clock: newer ended rows and open ones
 * however old are kept.
 */
class RetentionIT {
  private static final Duration OLD = Duration.ofDays(31);
  private static final Duration RECENT = Duration.ofDays(29);

  @Test
  void endedRowsOlderThanKeepDeliveriesGoAndTheRestStay() {
    AtomicReference<DataSource> storage = new AtomicReference<>();
    try (TestApp app =
        TestApp.start(
            TestApp.defaultConfig(),
            OnCall.empty(),
            dataSource -> {
              storage.set(dataSource);
              return dataSource;
            })) {
      long[] incidents = {
        app.open("/webhooks/alertmanager", Payloads.group("retention-a", 1)),
        app.open("/webhooks/alertmanager", Payloads.group("retention-b", 2)),
        app.open("/webhooks/alertmanager", Payloads.group("retention-c", 3))
      };
      Instant now = app.clock.instant();
      Jdbi jdbi = Jdbi.create(storage.get());
      jdbi.useTransaction(handle -> seed(handle, incidents, now));

      app.app().housekeeping().run();

      jdbi.useHandle(
          handle -> {
            assertThat(left(handle, now, "page_delivery", "status"))
                .containsExactlyInAnyOrder("PENDING old", "DELIVERED recent", "FOLDED recent");
            assertThat(left(handle, now, "notice_delivery", "status"))
                .containsExactlyInAnyOrder("PENDING old", "FAILED recent");
            assertThat(left(handle, now, "page_digest", "status"))
                .containsExactlyInAnyOrder("PENDING old", "EMPTY recent");
            assertThat(left(handle, now, "silence", "status"))
                .containsExactlyInAnyOrder("ACTIVE old", "EXPIRED recent");
            assertThat(left(handle, now, "annotation", "status"))
                .containsExactlyInAnyOrder("DONE old (open incident)", "DONE recent");
            assertThat(left(handle, now, "pushover_receipt", "state"))
                .containsExactlyInAnyOrder("WATCHING old", "CANCELLED recent");
            assertThat(left(handle, now, "shift_swap", "status"))
                .containsExactlyInAnyOrder("OPEN old", "TAKEN recent");
          });
    }
  }

  /** A row to seed: its status and when it was made. */
  private record Seed(String status, Instant at) {}

  /** Inserts one row of {@code sql} a seed, with the arguments {@code args} gives it. */
  private static void insertAll(
      Handle handle, String sql, List<Seed> seeds, Function<Seed, Object[]> args) {
    seeds.forEach(seed -> handle.execute(sql, args.apply(seed)));
  }

  /** Each table: an ended row past the limit, one within it, and an open one past it. */
  private static void seed(Handle handle, long[] incidents, Instant now) {
    Instant old = now.minus(OLD);
    Instant recent = now.minus(RECENT);
    long incident = incidents[0];
    AtomicInteger unique = new AtomicInteger();
    insertAll(
        handle,
        """
        INSERT INTO page_delivery (incident_id, person_id, contact_id, channel, kind, round,
          status, attempts, next_attempt_at, created_at)
        VALUES (?, 'tessa', 'webhook', 'webhook', 'PAGE', ?, ?, 1, ?, ?)
        """,
        List.of(
            new Seed("DELIVERED", old),
            new Seed("CANCELLED", old),
            new Seed("FOLDED", old),
            new Seed("PENDING", old),
            new Seed("DELIVERED", recent),
            new Seed("FOLDED", recent)),
        seed ->
            new Object[] {incident, unique.getAndIncrement(), seed.status(), seed.at(), seed.at()});
    insertAll(
        handle,
        """
        INSERT INTO notice_delivery (once_key, person_id, contact_id, channel, kind, payload,
          status, attempts, next_attempt_at, created_at)
        VALUES (?, 'tessa', 'webhook', 'webhook', 'handoff', '{}', ?, 1, ?, ?)
        """,
        List.of(new Seed("DELIVERED", old), new Seed("PENDING", old), new Seed("FAILED", recent)),
        seed ->
            new Object[] {
              "%064d".formatted(unique.getAndIncrement()), seed.status(), seed.at(), seed.at()
            });
    insertAll(
        handle,
        """
        INSERT INTO page_digest (person_id, contact_id, channel, send_at, status, attempts,
          next_attempt_at, created_at)
        VALUES ('tessa', 'webhook', 'webhook', ?, ?, 1, ?, ?)
        """,
        List.of(
            new Seed("DELIVERED", old),
            new Seed("FAILED", old.plusSeconds(60)),
            new Seed("PENDING", old.plusSeconds(120)),
            new Seed("EMPTY", recent)),
        seed -> new Object[] {seed.at(), seed.status(), seed.at(), seed.at()});
    insertAll(
        handle,
        """
        INSERT INTO silence (incident_id, source, api_url, matchers, ends_at, created_by,
          comment, status, attempts, next_attempt_at, created_at)
        VALUES (?, 'alertmanager', 'http://am', '[]', ?, 'tessa', 'ack', ?, 1, ?, ?)
        """,
        List.of(
            new Seed("EXPIRED", old),
            new Seed("FAILED", old),
            new Seed("CANCELLED", old),
            new Seed("ACTIVE", old),
            new Seed("EXPIRED", recent)),
        seed -> new Object[] {incident, now, seed.status(), seed.at(), seed.at()});
    // One annotation an incident: resolved and sent long ago, still open, resolved recently.
    annotation(handle, incidents[0], "DONE", old, now);
    annotation(handle, incidents[1], "DONE", old, null);
    annotation(handle, incidents[2], "DONE", recent, now);
    insertAll(
        handle,
        """
        INSERT INTO pushover_receipt (receipt, incident_id, person_id, state, next_look_at,
          created_at)
        VALUES (?, ?, 'tessa', ?, ?, ?)
        """,
        List.of(
            new Seed("ACKNOWLEDGED", old),
            new Seed("WATCHING", old),
            new Seed("CANCELLED", recent)),
        seed ->
            new Object[] {
              "receipt-" + unique.getAndIncrement(), incident, seed.status(), seed.at(), seed.at()
            });
    insertAll(
        handle,
        """
        INSERT INTO shift_swap (schedule_id, requester, from_at, to_at, status, created_at)
        VALUES ('primary', 'tessa', ?, ?, ?, ?)
        """,
        List.of(
            new Seed("TAKEN", old),
            new Seed("EXPIRED", old),
            new Seed("OPEN", old),
            new Seed("TAKEN", recent)),
        seed -> new Object[] {seed.at(), now, seed.status(), seed.at()});
  }

  private static void annotation(
      Handle handle, long incident, String status, Instant createdAt, Instant endsAt) {
    handle.execute(
        """
        INSERT INTO annotation (incident_id, api_url, starts_at, ends_at, tags, text, status,
          version, attempts, next_attempt_at, created_at)
        VALUES (?, 'http://grafana', ?, ?, '[]', 'text', ?, 1, 1, ?, ?)
        """,
        incident,
        createdAt,
        endsAt,
        status,
        createdAt,
        createdAt);
  }

  /** What is left of a table: each row's status and whether it is old or recent. */
  private static List<String> left(Handle handle, Instant now, String table, String statusColumn) {
    String openIncident = "annotation".equals(table) ? ", ends_at" : ", created_at AS ends_at";
    Instant limit = now.minus(Duration.ofDays(30));
    return handle
        .createQuery("SELECT " + statusColumn + ", created_at" + openIncident + " FROM " + table)
        .map(
            (row, context) -> {
              boolean old = Rows.instant(row, "created_at").isBefore(limit);
              boolean open = row.getObject("ends_at") == null;
              return row.getString(1)
                  + (old ? " old" : " recent")
                  + (open && "annotation".equals(table) ? " (open incident)" : "");
            })
        .list();
  }
}
