package dev.firebell.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.config.PagingConfig;
import dev.firebell.store.Durability;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lease machine pages and digests share, over a mailbox held in memory: what each outcome
 * writes, what metrics hear, and what is left for the lease to retry.
 */
class LeasedSenderTest {
  private static final Instant NOW = Instant.parse("2026-11-28T16:10:00Z");
  private static final Instant LEASE = NOW.plusSeconds(30);

  private final Jdbi jdbi = Jdbi.create("jdbc:h2:mem:leased-sender");
  private final SenderPool workers = new SenderPool(2);
  private final List<String> metrics = new CopyOnWriteArrayList<>();
  private final FakeMailbox mailbox = new FakeMailbox();

  @AfterEach
  void stop() throws InterruptedException {
    workers.stop(1, TimeUnit.SECONDS);
  }

  @Test
  void aDeliveredMessageWritesItsOutcomeAndIsCounted() throws Exception {
    mailbox.queue(new Message("a", 0));
    sendAll();
    assertThat(mailbox.events).containsExactly("claim a", "send a (attempt 1)", "delivered a");
    assertThat(metrics).containsExactly("webhook PAGE delivered");
  }

  @Test
  void aRetryableFailureIsRescheduledByTheDeliveryPolicy() throws Exception {
    mailbox.queue(new Message("a", 1));
    mailbox.failure = DeliveryFailure.retryable("HTTP 502");
    sendAll();
    // The second attempt failed: 5 s doubled once.
    assertThat(mailbox.events).contains("retry a at " + NOW.plusSeconds(10) + ": HTTP 502");
    assertThat(metrics).containsExactly("webhook PAGE retried");
  }

  @Test
  void aRefusalGivesUpAtOnceAndSaysWhy() throws Exception {
    mailbox.queue(new Message("a", 0));
    mailbox.failure = DeliveryFailure.permanent("HTTP 404");
    sendAll();
    assertThat(mailbox.events).contains("failed a: HTTP 404");
    assertThat(metrics).containsExactly("webhook PAGE failed");
  }

  @Test
  void theLastAttemptGivesUpEvenWhenRetryable() throws Exception {
    mailbox.queue(new Message("a", PagingConfig.defaults().maxAttempts() - 1));
    mailbox.failure = DeliveryFailure.retryable("timeout");
    sendAll();
    assertThat(mailbox.events).contains("failed a: timeout");
  }

  @Test
  void aMessageClaimedByAnotherSenderIsNotSent() throws Exception {
    mailbox.queue(new Message("a", 0));
    mailbox.claimable = false;
    sendAll();
    assertThat(mailbox.events).containsExactly("claim a");
    assertThat(metrics).isEmpty();
  }

  @Test
  void aStorageFailureWhileSendingWritesNothingSoTheLeaseSendsItAgain() throws Exception {
    mailbox.queue(new Message("a", 0));
    mailbox.bug = new ConnectionException(new SQLException("connection refused"));
    sendAll();
    assertThat(mailbox.events).containsExactly("claim a", "send a (attempt 1)");
    assertThat(metrics).isEmpty();
    // Taken again by a later pass: nothing was left marked as in flight.
    mailbox.bug = null;
    sendAll();
    assertThat(mailbox.events).endsWith("delivered a");
  }

  @Test
  void aMessageThatCannotBeComposedIsRetriedByTheDeliveryPolicy() throws Exception {
    mailbox.queue(new Message("a", 0));
    mailbox.bug = new IllegalStateException("no channel for email is configured");
    sendAll();
    assertThat(mailbox.events)
        .containsExactly(
            "claim a",
            "send a (attempt 1)",
            "retry a at "
                + NOW.plusSeconds(5)
                + ": could not be composed: java.lang.IllegalStateException: no channel for email"
                + " is configured");
    assertThat(metrics).containsExactly("webhook PAGE retried");
  }

  @Test
  void aMessageThatCannotBeComposedIsGivenUpAfterTheLastAttempt() throws Exception {
    mailbox.queue(new Message("a", PagingConfig.defaults().maxAttempts() - 1));
    mailbox.bug = new IllegalStateException("no channel for email is configured");
    sendAll();
    assertThat(mailbox.events)
        .endsWith(
            "failed a: could not be composed: java.lang.IllegalStateException: no channel for"
                + " email is configured");
    assertThat(metrics).containsExactly("webhook PAGE failed");
  }

  @Test
  void whileEverySenderIsBusyTheRestStaysDueUnclaimedUntilOneFreesUp() throws Exception {
    SenderPool one = new SenderPool(1);
    CountDownLatch roomAsked = new CountDownLatch(1);
    one.onRoom(roomAsked::countDown);
    mailbox.queue(new Message("a", 0));
    mailbox.queue(new Message("b", 0));
    mailbox.hold = new CountDownLatch(1);
    try {
      List<Future<?>> first = sender(one).dispatchDue(NOW, LEASE);
      assertThat(first).hasSize(1);
      assertThat(mailbox.events).contains("claim a").doesNotContain("claim b");

      mailbox.hold.countDown();
      first.get(0).get(5, TimeUnit.SECONDS);
      assertThat(roomAsked.await(5, TimeUnit.SECONDS)).as("the next pass is asked for").isTrue();
      mailbox.due.remove(0);
      for (Future<?> send : sender(one).dispatchDue(NOW, LEASE)) {
        send.get(5, TimeUnit.SECONDS);
      }
      assertThat(mailbox.events).contains("claim b", "delivered b");
    } finally {
      one.stop(1, TimeUnit.SECONDS);
    }
  }

  @Test
  void aHandedOverMessageIsClaimedAndSentWithoutLookingForDueOnes() throws Exception {
    for (Future<?> send : sender(workers).handOver(List.of(new Message("a", 0)), NOW, LEASE)) {
      send.get(5, TimeUnit.SECONDS);
    }
    assertThat(mailbox.events).containsExactly("claim a", "send a (attempt 1)", "delivered a");
    assertThat(mailbox.dueAsked).isZero();
    assertThat(metrics).containsExactly("webhook PAGE delivered");
  }

  @Test
  void handedOverMessagesBeyondTheFreeSendersStayDueForTheNextPass() throws Exception {
    SenderPool one = new SenderPool(1);
    CountDownLatch roomAsked = new CountDownLatch(1);
    one.onRoom(roomAsked::countDown);
    Message a = new Message("a", 0);
    Message b = new Message("b", 0);
    mailbox.queue(b); // what the next pass finds due
    mailbox.hold = new CountDownLatch(1);
    try {
      List<Future<?>> handed = sender(one).handOver(List.of(a, b), NOW, LEASE);
      assertThat(handed).hasSize(1);
      assertThat(mailbox.events).contains("claim a").doesNotContain("claim b");

      mailbox.hold.countDown();
      handed.get(0).get(5, TimeUnit.SECONDS);
      assertThat(roomAsked.await(5, TimeUnit.SECONDS)).as("the next pass is asked for").isTrue();
      for (Future<?> send : sender(one).dispatchDue(NOW, LEASE)) {
        send.get(5, TimeUnit.SECONDS);
      }
      assertThat(mailbox.events).contains("claim b", "delivered b");
    } finally {
      one.stop(1, TimeUnit.SECONDS);
    }
  }

  @Test
  void aStoppedPoolLeavesTheClaimedMessageToItsLeaseAndGivesItsThreadBack() throws Exception {
    mailbox.queue(new Message("a", 0));
    SenderPool stopped = new SenderPool(1);
    stopped.stop(1, TimeUnit.SECONDS);
    List<Future<?>> sends = sender(stopped).dispatchDue(NOW, LEASE);
    assertThat(sends).isEmpty();
    assertThat(mailbox.events).containsExactly("claim a");
    assertThat(stopped.reserve()).isTrue();
  }

  @Test
  void anOutcomeWithoutAMetricIsWrittenButNotCounted() throws Exception {
    mailbox.queue(new Message("a", 0));
    mailbox.nothingToSend = true;
    sendAll();
    assertThat(mailbox.events).containsExactly("claim a", "send a (attempt 1)", "empty a");
    assertThat(metrics).isEmpty();
  }

  private void sendAll() throws Exception {
    for (Future<?> send : sender(workers).dispatchDue(NOW, LEASE)) {
      send.get();
    }
  }

  private LeasedSender<Message> sender(SenderPool pool) {
    return new LeasedSender<>(
        jdbi,
        Durability.IMMEDIATE,
        mailbox,
        new DeliveryPolicy(PagingConfig.defaults()),
        new DeliveryObserver() {
          @Override
          public void attempt(String channel, String kind, String outcome) {
            metrics.add(channel + " " + kind + " " + outcome);
          }
        },
        Clock.fixed(NOW, ZoneOffset.UTC),
        pool);
  }

  record Message(String name, int attempts) implements Leased {
    @Override
    public Object key() {
      return name;
    }

    @Override
    public String channel() {
      return "webhook";
    }

    @Override
    public String kind() {
      return "PAGE";
    }
  }

  /** Records what the machine asks of it, in order. */
  static final class FakeMailbox implements Mailbox<Message> {
    final List<String> events = new CopyOnWriteArrayList<>();
    private final List<Message> due = new ArrayList<>();
    CountDownLatch hold;
    int dueAsked;
    boolean claimable = true;
    boolean nothingToSend;
    DeliveryFailure failure;
    RuntimeException bug;

    void queue(Message message) {
      due.add(message);
    }

    @Override
    public List<Message> due(Instant now) {
      dueAsked++;
      return List.copyOf(due);
    }

    @Override
    public Optional<Message> claim(Message message, Instant now, Instant leaseUntil) {
      events.add("claim " + message.name());
      return claimable
          ? Optional.of(new Message(message.name(), message.attempts() + 1))
          : Optional.empty();
    }

    @Override
    public Outcome send(Message message) throws DeliveryFailure {
      events.add("send " + message.name() + " (attempt " + message.attempts() + ")");
      if (hold != null) {
        try {
          hold.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (bug != null) {
        throw bug;
      }
      if (failure != null) {
        throw failure;
      }
      if (nothingToSend) {
        return new Outcome(null, (handle, now) -> events.add("empty " + message.name()), null);
      }
      return new Outcome(
          "delivered", (handle, now) -> events.add("delivered " + message.name()), "sent");
    }

    @Override
    public void retry(Handle handle, Message message, Instant at, String error) {
      events.add("retry " + message.name() + " at " + at + ": " + error);
    }

    @Override
    public void failed(Handle handle, Message message, String error, Instant now) {
      events.add("failed " + message.name() + ": " + error);
    }

    @Override
    public String describe(Message message) {
      return "message " + message.name();
    }
  }
}
