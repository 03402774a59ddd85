package dev.firebell.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a new incident queued, set going once it is durable: only what was queued runs. */
class QueuedTest {
  private final List<String> ran = new ArrayList<>();
  private final Runnable pass = () -> ran.add("pass");

  @Test
  void nothingQueuedAsksForNoPass() {
    Queued.NOTHING.and(Queued.NOTHING).start(pass);
    assertThat(ran).isEmpty();
  }

  @Test
  void rowsForThePassAskForOne() {
    Queued.NOTHING.and(Queued.FOR_THE_PASS).start(pass);
    assertThat(ran).containsExactly("pass");
  }

  @Test
  void handedOverPagesAndRowsForThePassBothGoInTheirOrder() {
    Queued pages = outboxPass -> ran.add("pages handed over");
    pages.and(Queued.FOR_THE_PASS).start(pass);
    assertThat(ran).containsExactly("pages handed over", "pass");
  }
}
