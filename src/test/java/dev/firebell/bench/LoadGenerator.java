package dev.firebell.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A closed-loop HTTP load generator: {@code connections} senders post bodies back to back for a
 * fixed time and record every latency.
 */
final class LoadGenerator {
  /** What one run measured. */
  record Result(
      String name,
      long requests,
      long errors,
      double seconds,
      long p50Micros,
      long p99Micros,
      long maxMicros) {
    double perSecond() {
      return requests / seconds;
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /**
   * @param body the body for request number {@code n} (numbered across all senders)
   */
  Result run(
      String name,
      String url,
      String token,
      LongFunction<String> body,
      int connections,
      Duration duration)
      throws InterruptedException {
    AtomicLong counter = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<long[]> latencies = new ArrayList<>();
    ExecutorService senders = Executors.newFixedThreadPool(connections);
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    for (int c = 0; c < connections; c++) {
      long[] mine = new long[400_000];
      latencies.add(mine);
      senders.execute(
          () -> {
            int count = 0;
            while (System.nanoTime() < end && count < mine.length) {
              long n = counter.getAndIncrement();
              HttpRequest request =
                  HttpRequest.newBuilder(URI.create(url))
                      .header("Content-Type", "application/json")
                      .header("Authorization", "Bearer " + token)
                      .POST(HttpRequest.BodyPublishers.ofString(body.apply(n)))
                      .build();
              long sent = System.nanoTime();
              try {
                HttpResponse<Void> response =
                    http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() >= 300) {
                  errors.incrementAndGet();
                }
              } catch (Exception e) {
                errors.incrementAndGet();
              }
              mine[count++] = (System.nanoTime() - sent) / 1000;
            }
            mine[mine.length - 1] = -count; // how many were recorded
          });
    }
    senders.shutdown();
    senders.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] all = merge(latencies);
    Arrays.sort(all);
    return new Result(
        name,
        all.length,
        errors.get(),
        seconds,
        percentile(all, 0.50),
        percentile(all, 0.99),
        all.length == 0 ? 0 : all[all.length - 1]);
  }

  private static long[] merge(List<long[]> latencies) {
    int total = 0;
    for (long[] one : latencies) {
      total += (int) -one[one.length - 1];
    }
    long[] all = new long[total];
    int at = 0;
    for (long[] one : latencies) {
      int count = (int) -one[one.length - 1];
      System.arraycopy(one, 0, all, at, count);
      at += count;
    }
    return all;
  }

  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }
}
