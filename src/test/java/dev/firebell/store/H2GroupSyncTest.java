package dev.firebell.store;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A wait for durability either returns once the data is on disk or fails as a sync failure, which a
 * webhook answers with 503 and a sender leaves to its lease; never another exception (a 500).
 */
class H2GroupSyncTest {
  private final Jdbi jdbi = Jdbi.create("jdbc:h2:mem:group-sync-" + System.nanoTime());

  @Test
  void aWaitReturnsOnceTheSyncRan() {
    H2GroupSync sync = new H2GroupSync(jdbi);
    try {
      assertThatCode(sync::awaitDurable).doesNotThrowAnyException();
    } finally {
      sync.close();
    }
  }

  @Test
  void aWaitWhileTheDatabaseClosesIsASyncFailure() {
    H2GroupSync sync = new H2GroupSync(jdbi);
    sync.close();

    assertThatThrownBy(sync::awaitDurable)
        .isInstanceOf(DatabaseSyncException.class)
        .hasMessageContaining("the database is closing");
  }
}
