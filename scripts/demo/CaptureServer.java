import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The demo's "phone": a local webhook receiver that appends every page Firebell sends, one JSON
 * body a line, to a file. Run with {@code java scripts/demo/CaptureServer.java PORT FILE}.
 */
public final class CaptureServer {
  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    Path out = Path.of(args[1]);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext(
        "/",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace('\n', ' ');
            synchronized (CaptureServer.class) {
              Files.writeString(out, body + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
          }
          byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, ok.length);
          exchange.getResponseBody().write(ok);
          exchange.close();
        });
    server.start();
    System.out.println("capture listening on 127.0.0.1:" + port);
  }
}
