package dev.firebell.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Drives load with {@code wrk} (Debian package {@code wrk}), a generator written in C that costs
 * the two cores it shares with the server far less than a Java one. A Lua script gives every
 * request its body: one fixed notification, or a fresh alert group per request where a scenario
 * needs one, and reports the figures as one JSON line.
 */
final class WrkLoad {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String KEY = "@@KEY@@";

  /** What one run measured; latencies in microseconds. */
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

  /** How each request's body is made. */
  enum Bodies {
    /** The same body every time: repeats of one open group. */
    FIXED,
    /** {@link #KEY} in the body replaced by a key no other request used: a new group each. */
    NEW_GROUPS,
    /** Even requests open a new group, odd ones resolve the group opened just before. */
    OPEN_THEN_RESOLVE
  }

  private final Path dir;

  WrkLoad(Path dir) {
    this.dir = dir;
  }

  /**
   * @param firing the body, with {@link #KEY} where a group's key goes
   * @param resolved for {@link Bodies#OPEN_THEN_RESOLVE}, the resolving body (else null)
   */
  Result run(
      String name,
      String url,
      String token,
      Bodies bodies,
      String firing,
      String resolved,
      int connections,
      Duration duration)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    String slug = name.replaceAll("[^A-Za-z0-9]+", "-");
    Path firingFile = dir.resolve(slug + "-firing.json");
    Path resolvedFile = dir.resolve(slug + "-resolved.json");
    Files.writeString(firingFile, firing);
    Files.writeString(resolvedFile, resolved == null ? firing : resolved);
    Path script = dir.resolve(slug + ".lua");
    Files.writeString(
        script, script(bodies, token, firingFile, resolvedFile, slug + "-" + System.nanoTime()));
    Process wrk =
        new ProcessBuilder(
                List.of(
                    "wrk",
                    "-t2",
                    "-c" + connections,
                    "-d" + Math.max(1, duration.toSeconds()) + "s",
                    "--timeout",
                    "10s",
                    "-s",
                    script.toString(),
                    url))
            .redirectErrorStream(true)
            .start();
    String output = new String(wrk.getInputStream().readAllBytes());
    if (wrk.waitFor() != 0) {
      throw new IllegalStateException("wrk failed: " + output);
    }
    String line =
        output
            .lines()
            .filter(l -> l.startsWith("WRK_RESULT "))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("wrk gave no result: " + output));
    JsonNode result = JSON.readTree(line.substring("WRK_RESULT ".length()));
    return new Result(
        name,
        result.get("requests").asLong(),
        result.get("errors").asLong(),
        result.get("durationMicros").asLong() / 1e6,
        result.get("p50").asLong(),
        result.get("p99").asLong(),
        result.get("max").asLong());
  }

  /** The whole of wrk's script; {@code run} makes keys unique across runs on one database. */
  private static String script(
      Bodies bodies, String token, Path firing, Path resolved, String run) {
    return """
        local function read(path)
          local file = assert(io.open(path, "rb"))
          local text = file:read("*a")
          file:close()
          return text
        end
        local threads = {}
        local created = 0
        function setup(thread)
          created = created + 1
          thread:set("thread_id", created)
          table.insert(threads, thread)
        end
        function init(args)
          firing = read("%s")
          resolved = read("%s")
          n = 0
          wrk.method = "POST"
          wrk.headers["Content-Type"] = "application/json"
          wrk.headers["Authorization"] = "Bearer %s"
        end
        local function with_key(template, key)
          local at = template:find("@@KEY@@", 1, true)
          local text = template
          while at do
            text = text:sub(1, at - 1) .. key .. text:sub(at + 7)
            at = text:find("@@KEY@@", at + #key, true)
          end
          return text
        end
        function request()
          n = n + 1
          local mode = "%s"
          if mode == "FIXED" then
            return wrk.format(nil, nil, nil, firing)
          elseif mode == "NEW_GROUPS" then
            return wrk.format(nil, nil, nil, with_key(firing, "%s-" .. thread_id .. "-" .. n))
          elseif n %% 2 == 1 then
            return wrk.format(nil, nil, nil, with_key(firing, "%s-" .. thread_id .. "-" .. n))
          else
            return wrk.format(nil, nil, nil, with_key(resolved, "%s-" .. thread_id .. "-" .. (n - 1)))
          end
        end
        function done(summary, latency, requests)
          local e = summary.errors
          io.write(string.format(
            'WRK_RESULT {"requests":%%d,"errors":%%d,"durationMicros":%%d,"p50":%%d,"p99":%%d,"max":%%d}\\n',
            summary.requests, e.connect + e.read + e.write + e.status + e.timeout,
            summary.duration, latency:percentile(50), latency:percentile(99), latency.max))
        end
        """
        .formatted(firing, resolved, token, bodies.name(), run, run, run);
  }
}
