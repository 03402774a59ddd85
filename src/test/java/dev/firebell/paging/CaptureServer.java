package dev.firebell.paging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/**
 * An OkHttp MockWebServer standing in for Slack, Discord, ntfy, Twilio or a webhook receiver: it
 * records every request and answers 200 unless a test scripted other answers for a path.
 */
public final class CaptureServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MockWebServer server = new MockWebServer();
  private final List<RecordedRequest> requests =
      java.util.Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Deque<MockResponse>> scripted = new ConcurrentHashMap<>();

  public CaptureServer() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            requests.add(request);
            Deque<MockResponse> answers = scripted.get(request.getUrl().encodedPath());
            synchronized (CaptureServer.this) {
              MockResponse next = answers == null ? null : answers.poll();
              return next != null ? next : new MockResponse(200, Headers.of(), "ok");
            }
          }
        });
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url(String path) {
    return server.url(path).toString();
  }

  /** The next requests to {@code path} get these answers, in order; then 200 again. */
  public synchronized void answer(String path, MockResponse... answers) {
    scripted.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(answers));
  }

  public static MockResponse status(int code, String... headerPairs) {
    return new MockResponse(code, Headers.of(headerPairs), "");
  }

  public List<RecordedRequest> requests(String path) {
    synchronized (requests) {
      return requests.stream().filter(r -> r.getUrl().encodedPath().equals(path)).toList();
    }
  }

  /** Every request this server got, whatever its path. */
  public List<RecordedRequest> requestsAll() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  public List<JsonNode> json(String path) {
    return requests(path).stream().map(CaptureServer::json).toList();
  }

  public static JsonNode json(RecordedRequest request) {
    try {
      return JSON.readTree(request.getBody().utf8());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
