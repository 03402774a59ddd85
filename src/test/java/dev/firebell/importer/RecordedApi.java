package dev.firebell.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A vendor's API answering from recorded answers on a MockWebServer: each subclass maps a request
 * to its recorded answer; tests can put answers (a 429, a 500) before any path's own, and read the
 * requests made.
 */
public abstract class RecordedApi implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private final Map<String, Deque<MockResponse>> scripted = new ConcurrentHashMap<>();
  private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());

  protected RecordedApi() {
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
    // (40 ms on Linux): a test would measure that, not the importer.
    server.setServerSocketFactory(new NoDelayServerSockets());
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The recorded answer to a request to {@code url}. */
  protected abstract MockResponse answer(HttpUrl url);

  public String url() {
    return server.url("/").toString();
  }

  public void script(String path, MockResponse... answers) {
    scripted.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(answers));
  }

  public List<RecordedRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** A recorded answer's text in {@code folder}, or null when there is none of that name. */
  public static String resource(String folder, String name) {
    try (InputStream in = RecordedApi.class.getResourceAsStream("/import/" + folder + "/" + name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected static MockResponse json(String body) {
    return new MockResponse(200, Headers.of("Content-Type", "application/json"), body);
  }

  protected static MockResponse notFound() {
    return new MockResponse(404, Headers.of(), "{\"message\":\"Not found\"}");
  }

  @Override
  public void close() {
    server.close();
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
    public ServerSocket createServerSocket(int port) {
      throw new UnsupportedOperationException("MockWebServer binds its own socket");
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) {
      throw new UnsupportedOperationException("MockWebServer binds its own socket");
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) {
      throw new UnsupportedOperationException("MockWebServer binds its own socket");
    }
  }
}
