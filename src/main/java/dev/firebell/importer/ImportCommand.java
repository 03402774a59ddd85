package dev.firebell.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.importer.grafanaoncall.GrafanaOnCallImport;
import dev.firebell.importer.opsgenie.OpsgenieImport;
import dev.firebell.importer.pagerduty.PagerDutyImport;
import dev.firebell.json.Json;
import dev.firebell.oncall.Schedule;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * {@code firebell import}: reads a rota from a vendor, writes it as oncall.yaml and prints the
 * report; with {@code --verify}, compares who is on call hour by hour for 28 days. Exit 0 when the
 * file is written (and, verifying, every schedule matches), 1 when the import failed (one line, no
 * file), 2 for wrong arguments (with the usage), 3 when a verified schedule differs.
 */
public final class ImportCommand {
  public static final int WRITTEN = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int DIFFERS = 3;
  static final Duration VERIFY_WINDOW = Duration.ofDays(28);

  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;
  private final Clock clock;
  private final Sleeper sleeper;

  public ImportCommand(
      Map<String, String> env, PrintStream out, PrintStream err, Clock clock, Sleeper sleeper) {
    this.env = env;
    this.out = out;
    this.err = err;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Runs {@code args} (those after {@code import}) and answers the exit code. */
  public int run(List<String> args) {
    ImportArgs parsed;
    try {
      parsed = ImportArgs.parse(args, env);
    } catch (ImportArgs.Wrong e) {
      err.println("firebell import: " + e.getMessage());
      err.println(ImportArgs.USAGE);
      return USAGE;
    }
    try {
      return run(parsed);
    } catch (ImportFailed e) {
      err.println("firebell import: " + e.getMessage());
      return FAILED;
    }
  }

  private int run(ImportArgs args) throws ImportFailed {
    ObjectMapper json = Json.mapper();
    OkHttpClient client =
        new OkHttpClient.Builder()
            .connectTimeout(10, TimeUnit.SECONDS)
            .readTimeout(60, TimeUnit.SECONDS)
            .build();
    try {
      VendorImport vendor = vendor(args, client, json);
      Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
      Imported imported = vendor.read(now);
      List<String> header =
          List.of(
              "Imported from " + vendor.vendor() + " (" + args.url() + ") at " + now + " by",
              "firebell import " + args.vendor() + ". Lines starting with '#' beside an entry say",
              "where the mapping was approximate; the import's report lists what was left out.");
      write(args.out(), new OnCallYaml(json).write(header, imported, imported.order()));
      out.print(imported.report().render(vendor.vendor(), imported.oncall()));
      out.println("Wrote " + args.out());
      return args.verify() ? verify(vendor, imported, now) : WRITTEN;
    } finally {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  private VendorImport vendor(ImportArgs args, OkHttpClient client, ObjectMapper json)
      throws ImportFailed {
    return switch (args.vendor()) {
      case "pagerduty" ->
          new PagerDutyImport(
              new VendorHttp(
                  client, args.url(), PagerDutyImport.headers(args.token()), json, sleeper));
      case "opsgenie" ->
          new OpsgenieImport(
              new VendorHttp(
                  client, args.url(), OpsgenieImport.headers(args.token()), json, sleeper));
      case "oncall" ->
          new GrafanaOnCallImport(
              new VendorHttp(
                  client, args.url(), GrafanaOnCallImport.headers(args.token()), json, sleeper));
      default -> throw new IllegalStateException("ImportArgs lets no other tool through");
    };
  }

  /** Each schedule's hours matched of hours checked over the next 28 days. */
  private int verify(VendorImport vendor, Imported imported, Instant now) throws ImportFailed {
    Instant from = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    Instant to = from.plus(VERIFY_WINDOW);
    boolean differs = false;
    out.println("Verifying who is on call hour by hour from " + from + " to " + to + ":");
    for (Map.Entry<String, String> entry : imported.vendorScheduleIds().entrySet()) {
      Schedule schedule = imported.oncall().schedules().get(entry.getKey());
      RotaCheck.Result result =
          RotaCheck.compare(
              schedule, vendor.rendered(entry.getValue(), from, to), vendor.vendor(), from, to);
      out.println("  " + result.line());
      differs |= !result.matches();
    }
    return differs ? DIFFERS : WRITTEN;
  }

  /** Writes beside the target and moves it into place: no half-written file is ever left. */
  private static void write(Path file, String yaml) throws ImportFailed {
    Path absolute = file.toAbsolutePath();
    Path temporary = absolute.resolveSibling(absolute.getFileName() + ".importing");
    try {
      Files.writeString(temporary, yaml);
      try {
        Files.move(
            temporary,
            absolute,
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new ImportFailed("could not write " + file + ": " + e.getMessage(), e);
    }
  }
}
