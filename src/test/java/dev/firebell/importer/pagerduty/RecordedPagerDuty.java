package dev.firebell.importer.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * PagerDuty's REST API v2 answering from recorded answers (src/test/resources/import/pagerduty), in
 * the shapes of its API reference: users over two pages, schedules, overrides, escalation policies
 * and services, and the rendered final schedule of {@link PagerDutyRendering}. Scripted answers (a
 * 429, a 500) can be put before any path's own.
 */
final class RecordedPagerDuty implements AutoCloseable {
  static final String TOKEN = "y_NbAkKc66ryYTWUXYEu";
  private static final ObjectMapper JSON = Json.mapper();

  private final MockWebServer server = new MockWebServer();
  private final Map<String, Deque<MockResponse>> scripted = new ConcurrentHashMap<>();
  private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
  private final Function<String, String> files;

  RecordedPagerDuty() {
    this(RecordedPagerDuty::resource);
  }

  /** With the recorded answers {@code files} gives by name ("users-0.json"). */
  RecordedPagerDuty(Function<String, String> files) {
    this.files = files;
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            requests.add(request);
            Deque<MockResponse> queued = scripted.get(request.getUrl().encodedPath());
            MockResponse next = queued == null ? null : queued.poll();
            return next != null ? next : answer(request.getUrl());
          }
        });
    // Without TCP_NODELAY each answer's body waits for the client's delayed ACK of its headers
    // (40 ms on Linux): the test would measure that, not the importer.
    server.setServerSocketFactory(new NoDelayServerSockets());
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return server.url("/").toString();
  }

  void script(String path, MockResponse... answers) {
    scripted.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(answers));
  }

  List<RecordedRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  private MockResponse answer(HttpUrl url) {
    List<String> path = url.pathSegments();
    String first = path.get(0);
    if (path.size() == 1 && url.queryParameter("offset") != null) {
      String page = files.apply(first + "-" + url.queryParameter("offset") + ".json");
      return page == null ? notFound() : json(page);
    }
    return first.equals("schedules") ? schedules(url, path) : notFound();
  }

  private MockResponse schedules(HttpUrl url, List<String> path) {
    String id = path.get(1);
    if (path.size() == 3) {
      return json(overrides(id));
    }
    String schedule = files.apply("schedule-" + id + ".json");
    if (schedule == null) {
      return notFound();
    }
    if (url.queryParameter("since") == null) {
      return json(schedule);
    }
    try {
      JsonNode rendered =
          PagerDutyRendering.render(
              JSON,
              JSON.readTree(schedule),
              JSON.readTree(overrides(id)),
              Instant.parse(url.queryParameter("since")),
              Instant.parse(url.queryParameter("until")));
      return json(JSON.writeValueAsString(rendered));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String overrides(String scheduleId) {
    String own = files.apply("overrides-" + scheduleId + ".json");
    return own != null ? own : files.apply("overrides-empty.json");
  }

  private static MockResponse notFound() {
    return new MockResponse(404, Headers.of(), "{\"error\":{\"message\":\"Not Found\"}}");
  }

  private static MockResponse json(String body) {
    return new MockResponse(200, Headers.of("Content-Type", "application/json"), body);
  }

  static String resource(String name) {
    try (InputStream in =
        RecordedPagerDuty.class.getResourceAsStream("/import/pagerduty/" + name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Server sockets whose accepted connections send small writes at once. */
  private static final class NoDelayServerSockets extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new ServerSocket() {
        @Override
        public Socket accept() throws IOException {
          Socket socket = super.accept();
          socket.setTcpNoDelay(true);
          return socket;
        }
      };
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      throw new UnsupportedOperationException("MockWebServer binds its own socket");
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      throw new UnsupportedOperationException("MockWebServer binds its own socket");
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
        throws IOException {
      throw new UnsupportedOperationException("MockWebServer binds its own socket");
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
