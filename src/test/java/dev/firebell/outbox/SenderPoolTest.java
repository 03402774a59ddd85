package dev.firebell.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reservations bound the sends in flight, and a refused one asks for the next pass. */
class SenderPoolTest {
  private final SenderPool pool = new SenderPool(2);
  private final AtomicInteger passesAsked = new AtomicInteger();

  SenderPoolTest() {
    pool.onRoom(passesAsked::incrementAndGet);
  }

  @AfterEach
  void stop() throws InterruptedException {
    pool.stop(1, TimeUnit.SECONDS);
  }

  @Test
  void aReservationIsRefusedWhileEveryThreadIsTaken() {
    assertThat(pool.reserve()).isTrue();
    assertThat(pool.reserve()).isTrue();
    assertThat(pool.reserve()).isFalse();
    pool.release();
    assertThat(pool.reserve()).isTrue();
  }

  @Test
  void aSendEndingAfterARefusalAsksForTheNextPassOnce() throws Exception {
    CountDownLatch hold = new CountDownLatch(1);
    pool.reserve();
    pool.reserve();
    Future<?> first = pool.submit(() -> await(hold));
    Future<?> second = pool.submit(() -> await(hold));
    assertThat(pool.reserve()).isFalse();
    assertThat(passesAsked).hasValue(0);

    hold.countDown();
    first.get(5, TimeUnit.SECONDS);
    second.get(5, TimeUnit.SECONDS);
    assertThat(passesAsked).hasValue(1);
    assertThat(pool.reserve()).isTrue();
    assertThat(pool.reserve()).isTrue();
  }

  @Test
  void aSendWithoutARefusalBeforeItAsksForNothing() throws Exception {
    pool.reserve();
    pool.submit(() -> {}).get(5, TimeUnit.SECONDS);
    assertThat(passesAsked).hasValue(0);
  }

  @Test
  void aFailedSendGivesItsThreadBack() throws Exception {
    pool.reserve();
    pool.reserve();
    Future<?> failed =
        pool.submit(
            () -> {
              throw new IllegalStateException("the channel threw");
            });
    assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class);
    assertThat(pool.reserve()).isTrue();
  }

  @Test
  void aLookRunsOnlyOnAFreeThreadSoItNeverHoldsUpAReservedSend() throws Exception {
    CountDownLatch hold = new CountDownLatch(1);
    pool.reserve();
    Future<?> send = pool.submit(() -> await(hold));
    Future<?> look = pool.trySubmit(() -> await(hold)).orElseThrow();
    assertThat(pool.trySubmit(() -> {})).as("both threads are busy").isEmpty();
    hold.countDown();
    send.get(5, TimeUnit.SECONDS);
    look.get(5, TimeUnit.SECONDS);
    assertThat(pool.trySubmit(() -> {})).isPresent();
  }

  @Test
  void aStoppedPoolRunsNoLookAndKeepsNoReservationForIt() throws Exception {
    pool.stop(1, TimeUnit.SECONDS);
    assertThat(pool.trySubmit(() -> {})).isEmpty();
    assertThat(pool.reserve()).isTrue();
    assertThat(pool.reserve()).isTrue();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
