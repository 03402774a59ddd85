package dev.firebell;

import com.zaxxer.hikari.pool.HikariPool.PoolInitializationException;
import dev.firebell.config.ConfigException;
import dev.firebell.config.ConfigLoader;
import dev.firebell.config.FirebellConfig;
import dev.firebell.importer.ImportCommand;
import dev.firebell.importer.Sleeper;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.OnCallWarnings;
import dev.firebell.store.MigrationFailed;
import io.javalin.util.JavalinBindException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar firebell.jar [--config PATH]}, or one of its commands: {@code hash-password},
 * {@code import}.
 */
public final class Main {
  private static final String DEFAULT_CONFIG = "config/firebell.yaml";
  private static final String USAGE =
      "usage: java -jar firebell.jar [--config PATH]   serve (default config/firebell.yaml)\n"
          + "       java -jar firebell.jar hash-password < password.txt\n"
          + "       java -jar firebell.jar import <pagerduty|opsgenie|oncall> --url <API root>"
          + " --token <token> --out <file> [--verify]\n"
          + "       java -jar firebell.jar --help";

  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("hash-password")) {
      System.exit(HashPassword.run(args));
      return;
    }
    if (args.length > 0 && args[0].equals("import")) {
      System.exit(
          new ImportCommand(
                  System.getenv(), System.out, System.err, Clock.systemUTC(), Sleeper.REAL)
              .run(List.of(args).subList(1, args.length)));
      return;
    }
    if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.println(USAGE);
      System.exit(0);
      return;
    }
    Path configFile;
    try {
      configFile = configPath(args);
    } catch (IllegalArgumentException e) {
      System.err.println("firebell: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    Warmup.startInBackground();
    FirebellConfig config;
    OnCall oncall;
    try {
      ConfigLoader loader = new ConfigLoader(System.getenv());
      config = loader.load(configFile);
      oncall = loader.loadOnCall(config, configFile);
    } catch (ConfigException e) {
      System.err.println("firebell: configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    List<String> samples = StartupWarnings.sampleSecrets(config);
    if (!samples.isEmpty() && !StartupWarnings.isLoopback(config.server().host())) {
      System.err.println(
          "firebell: refusing to listen on "
              + config.server().host()
              + " while "
              + String.join("; ", samples)
              + "; set those variables, or FIREBELL_HOST=127.0.0.1 to stay local");
      System.exit(2);
      return;
    }
    Clock clock = Clock.systemUTC();
    Logger log = LoggerFactory.getLogger(Main.class);
    StartupWarnings.log(config, log);
    OnCallWarnings.all(oncall, clock.instant()).forEach(w -> log.warn("on-call: {}", w));
    App app;
    try {
      Supplier<OnCall> source = new ConfigLoader(System.getenv()).onCallSource(config, configFile);
      app = App.start(config, oncall, source, clock, UnaryOperator.identity());
    } catch (ConfigException e) {
      System.err.println("firebell: configuration error: " + e.getMessage());
      System.exit(2);
      return;
    } catch (MigrationFailed e) {
      log.error("Firebell could not migrate its database: {}", e.getMessage());
      System.exit(1);
      return;
    } catch (JavalinBindException | PoolInitializationException | JdbiException e) {
      // The port is taken, or the database refused or failed: one line says which, no stack
      // trace. App.start closed what it had opened. Anything else is a defect and propagates.
      log.error("Firebell could not start: {}", e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "firebell-shutdown"));
    ReloadSignal.install(app::reloadOnCall);
    log.info(
        "Firebell listening on port {} (public URL {}), config {}, on-call file {}",
        app.port(),
        config.server().publicUrl(),
        configFile,
        ConfigLoader.onCallPath(config, configFile));
  }

  private static Path configPath(String[] args) {
    Path path = Path.of(DEFAULT_CONFIG);
    for (int index = 0; index < args.length; index++) {
      String arg = args[index];
      if (arg.equals("--config") && index + 1 < args.length) {
        path = Path.of(args[++index]);
      } else if (arg.startsWith("--config=")) {
        path = Path.of(arg.substring("--config=".length()));
      } else {
        throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
    }
    return path;
  }
}
