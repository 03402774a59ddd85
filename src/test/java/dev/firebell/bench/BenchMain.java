package dev.firebell.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.FirebellProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code scripts/bench.sh}: measures Firebell against a bare Javalin ceiling on the same machine,
 * and writes {@code target/bench/report.md} and {@code target/bench/results.json}.
 */
public final class BenchMain {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = BenchSetup.TOKEN;
  private static final String API = BenchSetup.API;

  private final List<String> options;
  private final boolean quick;
  private final boolean h2Only;
  private final boolean listOnly;
  private final Duration phase;
  private final Duration warmUp;
  private final PhaseProfiler profiler;
  private final int connections = 16;
  private final Map<String, Object> results = new LinkedHashMap<>();
  private final List<String> report = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, Double> serverCpuMicros = new LinkedHashMap<>();
  private final Map<String, Double> serverAllocatedKb = new LinkedHashMap<>();

  /** The guarded figures other than CPU, by "database.figure" ({@link BenchGuard}). */
  private final Map<String, Double> measured = new LinkedHashMap<>();

  private boolean checkFailed;

  private static final Path BASELINE = Path.of("bench/baseline.json");
  private static final Pattern ALLOCATED =
      Pattern.compile("(?m)^jvm_gc_memory_allocated_bytes_total(?:\\{[^}]*})? (\\S+)");
  private final List<String> listReport = new ArrayList<>();

  /** One paragraph per database, after the table (a paragraph inside would end the table). */
  private final List<String> notes = new ArrayList<>();

  private static final int STORED_INCIDENTS = 100_000;
  private static final int LARGE_NOTIFICATION = 20_000;
  private static final Path CLASS_CACHE = Path.of("target/bench/firebell.jsa");
  private static final Map<String, String> RUN_ENVIRONMENT = runEnvironment();
  private final String grafanaBody = BenchPayloads.GRAFANA;
  private final WrkLoad wrk = new WrkLoad(Path.of("target/bench/wrk"));
  private long peakRssMib;

  private BenchMain(List<String> options) {
    this.options = options;
    this.quick = options.contains("--quick");
    this.h2Only = options.contains("--h2-only");
    this.listOnly = options.contains("--list-only");
    this.phase = Duration.ofSeconds(option(options, "--phase=", quick ? 2 : 20));
    this.warmUp = Duration.ofSeconds(option(options, "--warm-up=", quick ? 2 : 120));
    this.profiler =
        new PhaseProfiler(
            options.contains("--profile"),
            options.stream()
                .filter(option -> option.startsWith("--profile="))
                .map(option -> option.substring("--profile=".length()))
                .findFirst()
                .orElse(null),
            Path.of("target/bench/profile"));
  }

  /**
   * Options: {@code --quick} (a 10-second smoke), {@code --h2-only}, {@code --list-only} (only the
   * list with many incidents stored), {@code --profile} (a Java Flight Recorder file for each phase
   * under target/bench/profile/), {@code --phase=SECONDS}, {@code --warm-up=SECONDS}, {@code
   * --check} (exit 1 when a guarded figure is more than 25% worse than bench/baseline.json) and
   * {@code --write-baseline} (make this run the baseline).
   */
  public static void main(String[] args) throws Exception {
    BenchMain bench = new BenchMain(Arrays.asList(args));
    bench.run();
    if (bench.checkFailed) {
      System.exit(1);
    }
    // HTTP client and server threads must not keep the benchmark JVM alive.
    System.exit(0);
  }

  /**
   * What scripts/run.sh does on a build's first run: start Firebell once, use it, stop it, and keep
   * the classes it loaded in a class-data-sharing archive that later starts map. The first start's
   * time is reported too.
   */
  private void trainClassCache(PageCapture capture) throws Exception {
    Files.deleteIfExists(CLASS_CACHE);
    Path dir = Files.createTempDirectory("firebell-bench-train");
    int port = FirebellProcess.freePort();
    Path config =
        BenchSetup.config(dir, port, "jdbc:h2:file:" + dir + "/data/firebell", capture.port());
    List<String> jvm = new ArrayList<>(serverJvmOptions());
    jvm.add("-XX:ArchiveClassesAtExit=" + CLASS_CACHE.toAbsolutePath());
    long started = System.nanoTime();
    try (FirebellProcess firebell =
        FirebellProcess.start(config, port, dir, jvm, RUN_ENVIRONMENT)) {
      double firstStart = (System.nanoTime() - started) / 1e6;
      results.put("firstStartMillis", firstStart);
      progress("first start (no class cache yet): ready in " + Math.round(firstStart) + " ms");
      String url = firebell.url("/webhooks/grafana");
      long id =
          JSON.readTree(post(url, BenchPayloads.group("train", false))).get("incidentId").asLong();
      post(url, grafanaBody);
      get(firebell.url("/api/incidents/" + id + "/postmortem"));
      get(firebell.url("/api/incidents?status=all"));
    }
  }

  /** The flags scripts/run.sh uses, plus any {@code --jvm-option=...} (a profiler agent). */
  private List<String> serverJvmOptions() {
    return serverJvmOptions(true);
  }

  private List<String> serverJvmOptions(boolean classCache) {
    List<String> jvm = new ArrayList<>(runFlags());
    if (classCache && Files.exists(CLASS_CACHE)) {
      jvm.add("-XX:SharedArchiveFile=" + CLASS_CACHE.toAbsolutePath());
    }
    options.stream()
        .filter(option -> option.startsWith("--jvm-option="))
        .map(option -> option.substring("--jvm-option=".length()))
        .forEach(jvm::add);
    return jvm;
  }

  /** scripts/jvm.options without its comments. */
  private static List<String> runFlags() {
    return settings("scripts/jvm.options");
  }

  /** The variables of scripts/jvm.env that scripts/run.sh would export: those not set already. */
  private static Map<String, String> runEnvironment() {
    return settings("scripts/jvm.env").stream()
        .map(line -> line.split("=", 2))
        .filter(pair -> System.getenv(pair[0]) == null)
        .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
  }

  /** A settings file's lines, without comments and blank lines. */
  private static List<String> settings(String file) {
    try {
      return Files.readAllLines(Path.of(file)).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long option(List<String> options, String prefix, long otherwise) {
    return options.stream()
        .filter(option -> option.startsWith(prefix))
        .mapToLong(option -> Long.parseLong(option.substring(prefix.length())))
        .findFirst()
        .orElse(otherwise);
  }

  private void run() throws Exception {
    Path out = Path.of("target/bench");
    Files.createDirectories(out);
    PageCapture capture = new PageCapture();
    try {
      trainClassCache(capture);
      WrkLoad.Result ceiling = listOnly ? null : ceiling();
      if (!listOnly) {
        benchDatabase("H2", "jdbc:h2:file:%s/data/firebell", capture, ceiling);
      }
      benchLargeList("H2", "jdbc:h2:file:%s/data/firebell", capture);
      String postgres = System.getenv("FIREBELL_TEST_POSTGRES_URL");
      if (postgres == null && "true".equals(System.getenv("CI"))) {
        postgres = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
      }
      if (postgres != null && !quick && !h2Only) {
        String load = BenchSetup.createPostgres(postgres);
        String list = BenchSetup.createPostgres(postgres);
        try {
          if (!listOnly) {
            benchDatabase("PostgreSQL", load, capture, ceiling);
          }
          benchLargeList("PostgreSQL", list, capture);
        } finally {
          BenchSetup.dropPostgres(postgres, load);
          BenchSetup.dropPostgres(postgres, list);
        }
      }
    } finally {
      capture.close();
    }
    write(out);
  }

  /** Bare Javalin parsing the same payload, in its own JVM with Firebell's flags. */
  private WrkLoad.Result ceiling() throws Exception {
    progress("ceiling: bare Javalin parsing the same payload, " + phase.toSeconds() + " s");
    WrkLoad.Result ceiling;
    try (CeilingServer server = CeilingServer.launch(serverJvmOptions(false))) {
      load("warm-up", server.url(), WrkLoad.Bodies.FIXED, grafanaBody, null, warmUp);
      long cpuBefore = server.cpuMillis();
      ceiling = load("ceiling", server.url(), WrkLoad.Bodies.FIXED, grafanaBody, null, phase);
      noteCpu(ceiling, server.cpuMillis() - cpuBefore, cpuBefore);
    }
    results.put("ceiling", ceiling);
    report.add("| ceiling (bare Javalin + Jackson) | " + row(ceiling, ceiling) + " | — |");
    return ceiling;
  }

  private WrkLoad.Result load(
      String name,
      String url,
      WrkLoad.Bodies bodies,
      String firing,
      String resolved,
      Duration duration)
      throws Exception {
    return wrk.run(name, url, TOKEN, bodies, firing, resolved, connections, duration);
  }

  private void noteCpu(WrkLoad.Result result, long cpuMillis, long cpuBefore) {
    if (cpuBefore >= 0 && result.requests() > 0) {
      double micros = 1000.0 * cpuMillis / result.requests();
      serverCpuMicros.put(result.name(), micros);
      results.put(result.name() + ".serverCpuMicrosPerRequest", micros);
    }
  }

  private void noteAllocated(WrkLoad.Result result, double bytes) {
    if (result.requests() > 0 && bytes > 0) {
      double kb = bytes / 1024 / result.requests();
      serverAllocatedKb.put(result.name(), kb);
      results.put(result.name() + ".serverAllocatedKbPerRequest", kb);
    }
  }

  /** The heap allocated a request in the repeats and new-groups phases, with the goal for H2. */
  private String allocation(String name) {
    Double repeat = serverAllocatedKb.get(name + " repeats");
    Double group = serverAllocatedKb.get(name + " new groups");
    if (repeat == null || group == null) {
      return "";
    }
    return String.format(
        "; heap allocated a new incident %,.0f KB (%s), a repeat %,.1f KB",
        group, name.equals("H2") ? goal(group <= 250) : "no goal", repeat);
  }

  /**
   * What the server's heap has taken in since start, from its own JVM metric: Micrometer adds up
   * what each young collection found allocated, so a phase of thousands of requests is counted
   * close enough; objects too large for the young generation are not counted.
   */
  private double allocatedBytes(FirebellProcess firebell) throws Exception {
    Matcher allocated = ALLOCATED.matcher(get(firebell.url("/metrics")));
    return allocated.find() ? Double.parseDouble(allocated.group(1)) : Double.NaN;
  }

  private void benchDatabase(
      String name, String urlPattern, PageCapture capture, WrkLoad.Result ceiling)
      throws Exception {
    Path dir = Files.createTempDirectory("firebell-bench");
    int port = FirebellProcess.freePort();
    Path config =
        BenchSetup.config(
            dir,
            port,
            urlPattern.contains("%s") ? urlPattern.formatted(dir) : urlPattern,
            capture.port());
    long started = System.nanoTime();
    double startup;
    long[] toPage;
    long[] afterStorm = null;
    double postmortem;
    double list;
    double largeMillis;
    long rss;
    long threads;
    try (FirebellProcess firebell =
        FirebellProcess.start(config, port, dir, serverJvmOptions(), RUN_ENVIRONMENT)) {
      startup = (System.nanoTime() - started) / 1e6;
      results.put(name + ".startupMillis", startup);
      progress(name + ": ready in " + Math.round(startup) + " ms");
      String url = firebell.url("/webhooks/grafana");
      warmUp(url);
      awaitPagingIdle(firebell, capture);

      // Measured while the outbox is empty: the load phases below queue thousands of pages.
      if (name.equals("H2")) {
        // Right after the warm-up's storm H2 compacts the file it left; a page then can wait for
        // a compaction step. Reported beside the goal, which is for a quiet server.
        progress(name + ": receipt-to-page latency while the file is compacted after the warm-up");
        afterStorm = receiptToPage(url, name + "-after-storm", capture);
        results.put(
            name + ".receiptToPageWhileCompactingMillis",
            Map.of("p50", afterStorm[0] / 1000.0, "p99", afterStorm[1] / 1000.0));
        awaitCompaction(firebell, Duration.ofSeconds(quick ? 5 : 60));
      }
      progress(name + ": receipt-to-page latency over " + (quick ? 20 : 100) + " single incidents");
      toPage = receiptToPage(url, name, capture);
      results.put(
          name + ".receiptToPageMillis",
          Map.of("p50", toPage[0] / 1000.0, "p99", toPage[1] / 1000.0));
      measured.put(name + ".receiptToPageP99", toPage[1] / 1000.0);

      post(url, grafanaBody);
      progress(name + " (a) repeats of an open group, " + phase.toSeconds() + " s");
      WrkLoad.Result repeats =
          phase(
              firebell,
              name + " a repeats",
              () -> load(name + " repeats", url, WrkLoad.Bodies.FIXED, grafanaBody, null, phase));
      progress(name + " (b) new groups, each opening an incident and queuing pages");
      WrkLoad.Result groups =
          phase(
              firebell,
              name + " b new groups",
              () ->
                  load(
                      name + " new groups",
                      url,
                      WrkLoad.Bodies.NEW_GROUPS,
                      BenchPayloads.groupTemplate(false),
                      null,
                      phase));
      progress(name + " (c) a mix of new groups and resolutions");
      WrkLoad.Result mix =
          phase(
              firebell,
              name + " c mix",
              () ->
                  load(
                      name + " mix",
                      url,
                      WrkLoad.Bodies.OPEN_THEN_RESOLVE,
                      BenchPayloads.groupTemplate(false),
                      BenchPayloads.groupTemplate(true),
                      phase));
      results.put(name + ".repeats", repeats);
      results.put(name + ".newGroups", groups);
      results.put(name + ".mix", mix);
      Double repeatCpu = serverCpuMicros.get(repeats.name());
      Double groupCpu = serverCpuMicros.get(groups.name());
      report.add(
          "| "
              + name
              + " (a) repeats | "
              + row(repeats, ceiling)
              + " | "
              + goal(repeatCpu != null && repeatCpu <= 100 && repeats.errors() == 0)
              + " |");
      report.add(
          "| "
              + name
              + " (b) new groups | "
              + row(groups, ceiling)
              + " | "
              + (name.equals("H2")
                  ? goal(groupCpu != null && groupCpu <= 1_000 && groups.perSecond() >= 1_500)
                  : "—")
              + " |");
      report.add("| " + name + " (c) mix with resolutions | " + row(mix, ceiling) + " | — |");

      // Measured once the load phases' pages are out, as people read a postmortem after the storm.
      awaitPagingIdle(firebell, capture);
      progress(name + ": draft postmortem of an incident with " + bigIncident() + " alerts");
      postmortem = postmortemMillis(firebell, url, name);
      progress(name + " postmortem: peak RSS so far " + firebell.peakRssMib() + " MiB");
      results.put(name + ".postmortem10kMillis", postmortem);
      list = timed(() -> get(firebell.url("/api/incidents?status=all&limit=100")), 5);
      results.put(name + ".listMillis", list);
      int instances = quick ? 2_000 : LARGE_NOTIFICATION;
      progress(name + ": one notification of " + instances + " alerts");
      long sent = System.nanoTime();
      post(
          firebell.url("/webhooks/alertmanager"),
          BenchPayloads.largeNotification(name + "-large", instances));
      largeMillis = (System.nanoTime() - sent) / 1e6;
      results.put(name + ".largeNotificationMillis", largeMillis);
      progress(name + " large notification: peak RSS so far " + firebell.peakRssMib() + " MiB");
      if (name.equals("H2")) {
        progress(name + ": waiting for the database file's compaction");
        awaitCompaction(firebell, Duration.ofSeconds(quick ? 5 : 100));
        double longest = gauge(firebell, "firebell_database_compaction_longest_step_seconds");
        results.put(name + ".compactionLongestStepMillis", longest * 1000);
        measured.put(name + ".compactionLongestStepMillis", longest * 1000);
      }
      rss = firebell.peakRssMib();
      results.put(name + ".peakRssMib", rss);
      // The JVM's own count: Java threads (senders, Jetty's, H2's), not its compiler and GC
      // threads.
      threads = Math.round(gauge(firebell, "jvm_threads_peak_threads"));
      results.put(name + ".peakThreads", threads);
      measured.put(name + ".peakRssMib", (double) rss);
      peakRssMib = Math.max(peakRssMib, rss);
    }
    Disk disk = name.equals("H2") ? Disk.of(dir) : null;
    if (disk != null) {
      results.put(name + ".diskBytesPerIncident", disk.perIncident());
      measured.put(name + ".diskBytesPerIncident", disk.perIncident());
    }
    double restart = restartMillis(config, port, dir, false);
    double restartCached = restartMillis(config, port, dir, true);
    results.put(name + ".restartMillis", restart);
    results.put(name + ".restartWithClassCacheMillis", restartCached);
    measured.put(name + ".restartMillis", restart);
    measured.put(name + ".restartWithClassCacheMillis", restartCached);
    progress(
        name
            + ": ready after a restart in "
            + Math.round(restart)
            + " ms, "
            + Math.round(restartCached)
            + " ms with the class cache");

    notes.add("");
    notes.add(
        "**"
            + name
            + ":** ready in "
            + Math.round(restart)
            + " ms on a restart without the class cache ("
            + goal(restart <= 2_000)
            + "), "
            + Math.round(restartCached)
            + " ms with it ("
            + goal(restartCached <= 1_000)
            + "); on a fresh database "
            + Math.round(startup)
            + " ms with the class cache"
            + (results.containsKey("firstStartMillis")
                ? ", first start of a build "
                    + Math.round((Double) results.get("firstStartMillis"))
                    + " ms"
                : "")
            + "; receipt-to-page over "
            + toPage[2]
            + " single incidents p50 "
            + toPage[0] / 1000.0
            + " ms ("
            + goal(toPage[0] <= 10_000)
            + "), p99 "
            + toPage[1] / 1000.0
            + " ms ("
            + goal(toPage[1] <= 25_000)
            + ")"
            + (afterStorm == null
                ? ""
                : " on a quiet server, and p50 "
                    + afterStorm[0] / 1000.0
                    + " ms, p99 "
                    + afterStorm[1] / 1000.0
                    + " ms (no goal) while the file was compacted after the warm-up")
            + "; postmortem with "
            + bigIncident()
            + " alerts ("
            + bigIncident()
            + "+ timeline entries) "
            + Math.round(postmortem)
            + " ms ("
            + goal(postmortem < 200)
            + "); incident list API "
            + Math.round(list)
            + " ms with the incidents above ("
            + goal(list < 200)
            + "); one notification of "
            + (quick ? "2,000" : "20,000")
            + " alerts answered in "
            + Math.round(largeMillis)
            + " ms; peak RSS "
            + rss
            + " MiB ("
            + goal(rss > 0 && rss <= 256)
            + "), peak threads "
            + threads
            + " ("
            + goal(threads > 0 && threads <= 80)
            + ")"
            + (disk == null
                ? ""
                : String.format(
                    "; database file %,.0f MB for %,d incidents, %,.0f bytes an incident (%s)",
                    disk.bytes() / 1e6,
                    disk.incidents(),
                    disk.perIncident(),
                    goal(disk.perIncident() <= 3_072)))
            + allocation(name)
            + ".");
    notes.add("");
  }

  /** Starts Firebell again on the database a run left, and stops it once it is ready. */
  private double restartMillis(Path config, int port, Path dir, boolean classCache)
      throws Exception {
    long started = System.nanoTime();
    try (FirebellProcess firebell =
        FirebellProcess.start(config, port, dir, serverJvmOptions(classCache), RUN_ENVIRONMENT)) {
      double ready = (System.nanoTime() - started) / 1e6;
      peakRssMib = Math.max(peakRssMib, firebell.peakRssMib());
      return ready;
    }
  }

  /**
   * The incident list (API and page) with {@value #STORED_INCIDENTS} incidents stored. They are
   * written straight into the database while Firebell is stopped (an H2 file admits one process),
   * then Firebell starts on it again.
   */
  private void benchLargeList(String name, String urlPattern, PageCapture capture)
      throws Exception {
    int count = quick ? 2_000 : STORED_INCIDENTS;
    progress(name + ": incident list with " + count + " incidents stored");
    Path dir = Files.createTempDirectory("firebell-bench-list");
    int port = FirebellProcess.freePort();
    String url = urlPattern.contains("%s") ? urlPattern.formatted(dir) : urlPattern;
    Path config = BenchSetup.config(dir, port, url, capture.port());
    try (FirebellProcess migrated =
        FirebellProcess.start(config, port, dir, serverJvmOptions(), RUN_ENVIRONMENT)) {
      progress(name + ": schema created; writing " + count + " incidents");
    }
    IncidentSeeder.seed(url, count);
    long started = System.nanoTime();
    try (FirebellProcess firebell =
        FirebellProcess.start(config, port, dir, serverJvmOptions(), RUN_ENVIRONMENT)) {
      double startup = (System.nanoTime() - started) / 1e6;
      double api = timed(() -> get(firebell.url("/api/incidents?status=all&limit=100")), 20);
      String session =
          WebLogin.session(http, firebell.url(""), BenchSetup.USER, BenchSetup.PASSWORD);
      double page = timed(() -> WebLogin.get(http, firebell.url("/"), session), 20);
      peakRssMib = Math.max(peakRssMib, firebell.peakRssMib());
      results.put(name + ".largeList.incidents", count);
      results.put(name + ".largeList.startupMillis", startup);
      results.put(name + ".largeList.apiMillis", api);
      results.put(name + ".largeList.pageMillis", page);
      listReport.add(
          String.format(
              "**%s with %,d incidents stored:** list API %.0f ms (%s), list page %.0f ms (%s),"
                  + " ready in %.0f ms.",
              name, count, api, goal(api < 200), page, goal(page < 200), startup));
      listReport.add("");
    }
  }

  /**
   * Waits (up to three minutes) until paging is idle: nothing pending in the outbox and no page
   * arriving for two seconds. An incident whose escalation has not started yet is not in the
   * outbox, so an empty outbox alone is not enough after a load phase.
   */
  private void awaitPagingIdle(FirebellProcess firebell, PageCapture capture) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      boolean quiet = capture.quietFor(Duration.ofSeconds(2));
      if (quiet && outboxEmpty(firebell)) {
        return;
      }
      Thread.sleep(200);
    }
    progress("paging did not become idle within three minutes; latency figures include a backlog");
  }

  private boolean outboxEmpty(FirebellProcess firebell) throws Exception {
    return metrics(firebell)
        .lines()
        .anyMatch(line -> line.matches("firebell_outbox_pending(\\{[^}]*\\})? 0(\\.0)?"));
  }

  private String metrics(FirebellProcess firebell) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(firebell.url("/metrics"))).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** A gauge's value from /metrics, or -1 when it is not there. */
  private double gauge(FirebellProcess firebell, String name) throws Exception {
    return metrics(firebell)
        .lines()
        .filter(line -> line.startsWith(name + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(name.length() + 1)))
        .findFirst()
        .orElse(-1);
  }

  /**
   * Waits while the file still changes: H2 frees a dead chunk only after its 45-second retention,
   * and compaction passes run every 10 seconds, so after a storm the file first shrinks 70-120
   * seconds later: a fixed wait of 100 seconds missed it. At least {@code atLeast} and (but for the
   * smoke) until the file has shrunk, then until the size held for 20 seconds; at most {@code quick
   * ? 15 : 240} seconds.
   */
  private void awaitCompaction(FirebellProcess firebell, Duration atLeast) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(quick ? 15 : 240).toNanos();
    long settled = System.nanoTime() + atLeast.toNanos();
    double before = gauge(firebell, "firebell_database_file_bytes");
    double last = before;
    while (System.nanoTime() < deadline) {
      Thread.sleep(5_000);
      double now = gauge(firebell, "firebell_database_file_bytes");
      if (now != last) { // shrunk, or grown while H2 moves chunks: not settled yet
        last = now;
        settled = Math.max(settled, System.nanoTime() + Duration.ofSeconds(20).toNanos());
      } else if ((quick || now < before) && System.nanoTime() > settled) {
        return;
      }
    }
  }

  /** Runs a load phase, recording it when profiling, and notes the server's CPU per request. */
  private WrkLoad.Result phase(
      FirebellProcess firebell, String name, PhaseProfiler.PhaseBody<WrkLoad.Result> load)
      throws Exception {
    // The scrapes stay outside the CPU measured: each counts the open incidents, which after
    // the new-groups phase took about a twentieth of the phase's CPU.
    double allocatedBefore = allocatedBytes(firebell);
    long cpuBefore = firebell.cpuMillis();
    WrkLoad.Result result = profiler.record(firebell.pid(), name, load);
    noteCpu(result, firebell.cpuMillis() - cpuBefore, cpuBefore);
    noteAllocated(result, allocatedBytes(firebell) - allocatedBefore);
    progress(name + ": peak RSS so far " + firebell.peakRssMib() + " MiB");
    return result;
  }

  /**
   * Single incidents on a quiet server, each sent once the page of the one before arrived: from the
   * webhook's send to its page at the on-call person's "phone". Returns p50 and p99 in microseconds
   * and how many were measured.
   */
  private long[] receiptToPage(String url, String name, PageCapture capture) throws Exception {
    Map<Long, Long> pageArrivals = capture.arrivals();
    int count = quick ? 20 : 100;
    pageArrivals.clear(); // incident ids start again at 1 on every database
    List<Long> micros = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long at = System.nanoTime();
      JsonNode reply = JSON.readTree(post(url, BenchPayloads.group(name + "-page-" + i, false)));
      long id = reply.get("incidentId").asLong();
      long deadline = at + Duration.ofSeconds(10).toNanos();
      while (!pageArrivals.containsKey(id) && System.nanoTime() < deadline) {
        Thread.sleep(0, 200_000);
      }
      Long arrived = pageArrivals.get(id);
      micros.add(arrived == null ? Duration.ofSeconds(10).toNanos() / 1000 : (arrived - at) / 1000);
    }
    long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
    return new long[] {percentile(sorted, 0.5), percentile(sorted, 0.99), sorted.length};
  }

  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private double postmortemMillis(FirebellProcess firebell, String url, String name)
      throws Exception {
    long id = 0;
    int batches = quick ? 1 : 10;
    for (int batch = 0; batch < batches; batch++) {
      id =
          JSON.readTree(post(url, BenchPayloads.bigGroup(name + "-big", batch)))
              .get("incidentId")
              .asLong();
    }
    long incident = id;
    return profiler.record(
        firebell.pid(),
        name + " postmortem",
        () -> timed(() -> get(firebell.url("/api/incidents/" + incident + "/postmortem")), 20));
  }

  /** The alert instances (and so at least the timeline entries) of the postmortem's incident. */
  private String bigIncident() {
    return quick ? "1,000" : "10,000";
  }

  private double timed(ThrowingRunnable action, int times) throws Exception {
    action.run();
    double[] millis = new double[times];
    for (int i = 0; i < times; i++) {
      long start = System.nanoTime();
      action.run();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    return millis[times / 2];
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  /**
   * On two cores the JIT keeps compiling the new-incident path for about two minutes; the warm-up
   * runs repeats, then new groups, so both paths are compiled before anything is measured.
   */
  private void warmUp(String url) throws Exception {
    Duration half = warmUp.dividedBy(2);
    load("warm-up repeats", url, WrkLoad.Bodies.FIXED, grafanaBody, null, half);
    load(
        "warm-up groups",
        url,
        WrkLoad.Bodies.NEW_GROUPS,
        BenchPayloads.groupTemplate(false),
        null,
        half);
  }

  private String post(String url, String body) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "webhook answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private String get(String url) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + API)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode());
    }
    return response.body();
  }

  private String row(WrkLoad.Result result, WrkLoad.Result ceiling) {
    Double cpu = serverCpuMicros.get(result.name());
    Double ceilingCpu = serverCpuMicros.get(ceiling.name());
    return String.format(
        "%,.0f | %.0f%% | %.1f | %.1f | %.1f | %d | %s | %s",
        result.perSecond(),
        100 * result.perSecond() / ceiling.perSecond(),
        result.p50Micros() / 1000.0,
        result.p99Micros() / 1000.0,
        result.maxMicros() / 1000.0,
        result.errors(),
        cpu == null ? "—" : String.format("%,.0f", cpu),
        cpu == null || ceilingCpu == null ? "—" : String.format("%.1f×", cpu / ceilingCpu));
  }

  private static String goal(boolean met) {
    return met ? "goal met" : "goal missed";
  }

  private void write(Path out) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("# Firebell benchmark");
    lines.add("");
    lines.add(
        "Loopback, load from wrk (2 threads) on the same "
            + Runtime.getRuntime().availableProcessors()
            + " cores, "
            + connections
            + " connections, "
            + phase.toSeconds()
            + " s a phase"
            + (quick ? " (--quick smoke: figures not meaningful)" : "")
            + ".");
    lines.add(
        "Figures are compared with the ceiling measured in the same run (these machines are shared and noisy).");
    lines.add("");
    lines.add(
        "| scenario | requests/s | of ceiling | p50 ms | p99 ms | max ms | errors | server CPU µs/request | CPU of ceiling's | goal |");
    lines.add("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    lines.addAll(report);
    lines.add("");
    lines.addAll(notes);
    lines.addAll(listReport);
    lines.add("");
    lines.add(
        "Goals (issue 30): (a) a repeat ≤ 100 µs of server CPU; (b) a new incident with its escalation"
            + " and first page ≤ 1,000 µs of server CPU and ≥ 1,500 new incidents/s on H2;"
            + " receipt-to-page p50 ≤ 10 ms and p99 ≤ 25 ms; ready ≤ 2.0 s on a restart without the"
            + " class cache, ≤ 1.0 s with it; postmortem and list < 200 ms; peak RSS ≤ 256 MiB over"
            + " the whole bench"
            + " (this run: "
            + peakRssMib
            + " MiB, "
            + goal(peakRssMib > 0 && peakRssMib <= 256)
            + ").");
    Map<String, BenchGuard.Figure> figures = BenchGuard.figures(serverCpuMicros, measured);
    Map<String, Double> baseline = baseline();
    lines.add("");
    lines.addAll(BenchGuard.table(figures, baseline));
    List<String> regressions = quick ? List.of() : BenchGuard.regressions(figures, baseline);
    if (!regressions.isEmpty()) {
      lines.add("");
      lines.add("**Worse than bench/baseline.json by more than 25%:**");
      regressions.forEach(line -> lines.add("- " + line));
    }
    Files.write(out.resolve("report.md"), lines);
    if (options.contains("--write-baseline") && !quick) {
      Files.createDirectories(BASELINE.getParent());
      Files.writeString(
          BASELINE,
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(BenchGuard.baselineOf(figures))
              + "\n");
      progress("wrote " + BASELINE);
    }
    if (options.contains("--check") && !regressions.isEmpty()) {
      progress("--check: " + regressions.size() + " figure(s) worse than " + BASELINE);
      checkFailed = true;
    }
    Files.writeString(
        out.resolve("results.json"),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
    progress("wrote " + out.resolve("report.md") + " and " + out.resolve("results.json"));
    System.out.println(String.join("\n", lines));
  }

  /** bench/baseline.json's figures, or none when there is no baseline yet. */
  private static Map<String, Double> baseline() throws IOException {
    if (!Files.exists(BASELINE)) {
      return Map.of();
    }
    Map<String, Double> baseline = new LinkedHashMap<>();
    JSON.readTree(BASELINE.toFile())
        .fields()
        .forEachRemaining(field -> baseline.put(field.getKey(), field.getValue().asDouble()));
    return baseline;
  }

  private static void progress(String message) {
    System.out.println("[bench] " + message);
  }
}
