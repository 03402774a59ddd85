package dev.firebell.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.incident.IncidentQueries;
import dev.firebell.incident.alert.GroupRepository;
import dev.firebell.incident.alert.GroupSighting;
import dev.firebell.security.Hashing;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The upgrade to binary group hashes (V25), on H2 and on PostgreSQL: a group that was firing before
 * it is still found by the same hash afterwards, so its next notification joins its open incident
 * instead of opening a second one, and the incident still shows its hash in hex.
 */
class GroupHashMigrationIT {
  private static final Instant AT = Instant.parse("2026-12-07T03:00:00Z");
  private static final String HASH = Hashing.sha256Hex("grafana\n1\nfirebell\n{}:{}");

  @Test
  void aGroupFiringBeforeTheUpgradeIsFoundByItsHashAfterIt() {
    UpgradeDatabase database = UpgradeDatabase.at("24");
    Jdbi jdbi = database.jdbi();
    long incident =
        jdbi.inTransaction(
            handle -> {
              long id =
                  handle
                      .createUpdate(
                          """
                          INSERT INTO incident (group_hash, source, receiver, title, severity,
                            service, status, test, opened_at, group_labels, common_labels,
                            common_annotations, alert_name, urgency)
                          VALUES (:hash, 'grafana', 'firebell', 'Pizza', 'SEV-1', 'pizza',
                            'TRIGGERED', FALSE, :at, '{}', '{}', '{}', 'Pizza', 'HIGH')
                          """)
                      .bind("hash", HASH)
                      .bind("at", AT)
                      .executeAndReturnGeneratedKeys("id")
                      .mapTo(Long.class)
                      .one();
              handle.execute(
                  """
                  INSERT INTO alert_group (group_hash, source, group_key, open_incident_id,
                    last_incident_id, first_seen_at)
                  VALUES (?, 'grafana', '{}:{}', ?, ?, ?)
                  """,
                  HASH,
                  id,
                  id,
                  AT);
              return id;
            });

    database.upgrade();

    jdbi.useHandle(
        handle -> {
          GroupSighting sighting = new GroupRepository(handle).sight(HASH, false);
          assertThat(sighting.seen()).isTrue();
          assertThat(sighting.open().id()).isEqualTo(incident);
          assertThat(new GroupRepository(handle).lockGroup(HASH).orElseThrow().openIncidentId())
              .isEqualTo(incident);
          assertThat(new IncidentQueries(handle).findIncident(incident).orElseThrow().groupHash())
              .isEqualTo(HASH);
          assertThat(
                  handle
                      .createQuery("SELECT LENGTH(group_hash) FROM alert_group")
                      .mapTo(Integer.class)
                      .one())
              .isEqualTo(32);
        });
  }
}
