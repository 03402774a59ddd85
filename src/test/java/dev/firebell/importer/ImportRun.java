package dev.firebell.importer;

import dev.firebell.channel.email.SmtpConfig;
import dev.firebell.channel.twilio.TwilioConfig;
import dev.firebell.config.ConfigBuilder;
import dev.firebell.config.ConfigLoader;
import dev.firebell.config.FirebellConfig;
import dev.firebell.config.IngestConfig;
import dev.firebell.config.OnCallSettings;
import dev.firebell.oncall.OnCall;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code firebell import} as a test runs it: at a fixed time, its waits counted rather than slept,
 * what it prints kept; and the file it wrote loaded as Firebell would.
 */
public final class ImportRun {
  public final List<Duration> waits = new ArrayList<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Instant now;

  public ImportRun(Instant now) {
    this.now = now;
  }

  /** Runs {@code args} (after {@code import}) and answers the exit code. */
  public int run(String... args) {
    out.reset();
    err.reset();
    return new ImportCommand(
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Clock.fixed(now, ZoneOffset.UTC),
            waits::add)
        .run(List.of(args));
  }

  public String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  public String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Loads an imported file with the mail and SMS servers its contacts need. */
  public static OnCall load(Path file) {
    FirebellConfig config =
        ConfigBuilder.from(FirebellConfig.defaults())
            .withIngest(IngestConfig.bearer("t"))
            .withOnCall(new OnCallSettings(file.toString()))
            .withSmtp(new SmtpConfig("smtp.example.com", 587, "", "", true, "firebell@example.com"))
            .withTwilio(new TwilioConfig("AC123", "token", "+15550100", null))
            .build();
    return new ConfigLoader(Map.of()).loadOnCall(config, file.resolveSibling("firebell.yaml"));
  }
}
