package dev.firebell.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void theSampleConfigurationLoadsAsIs() {
    FirebellConfig config = new ConfigLoader(Map.of()).load(Path.of("config/firebell.yaml"));

    assertThat(config.server().port()).isEqualTo(8080);
    assertThat(config.server().publicUrl()).isEqualTo("http://localhost:8080");
    assertThat(config.database().url()).isEqualTo("jdbc:h2:file:./data/firebell");
    assertThat(config.ingest().bearerToken()).isEqualTo("dev-ingest-token");
    assertThat(config.ingest().hmac().maxSkew()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.ingest().maxBodyBytes()).isEqualTo(16L * 1024 * 1024);
    assertThat(config.api().tokens()).containsExactly("dev-api-token");
    assertThat(config.severity().severityFor("Critical")).isEqualTo("SEV-1");
    assertThat(config.incidents().autoResolve()).isTrue();
  }

  @Test
  void environmentReferencesAreExpanded() throws IOException {
    Path file =
        write(
            """
            server: { port: "${PORT:-9090}", publicUrl: "https://${HOST}/" }
            ingest: { bearerToken: "${TOKEN}" }
            api: { tokens: ["${API_TOKEN:-}", "fixed"] }
            """);

    FirebellConfig config =
        new ConfigLoader(Map.of("HOST", "firebell.example.com", "TOKEN", "t0ken")).load(file);

    assertThat(config.server().port()).isEqualTo(9090);
    assertThat(config.server().publicUrl()).isEqualTo("https://firebell.example.com");
    assertThat(config.ingest().bearerToken()).isEqualTo("t0ken");
    assertThat(config.api().tokens()).containsExactly("fixed");
  }

  @Test
  void anUnsetVariableWithoutDefaultNamesTheKey() throws IOException {
    Path file = write("ingest: { bearerToken: \"${MISSING_TOKEN}\" }\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            file
                + ": ingest.bearerToken: environment variable MISSING_TOKEN is not set (set it, or"
                + " write ${MISSING_TOKEN:-default})");
  }

  @Test
  void aSendersTokenNeedsItsUrlAndAllowedOriginsAreOrigins() throws IOException {
    assertProblem(
        "ingest: { bearerToken: t }\ngrafana: { token: glsa_x, annotations: true }\n",
        "grafana.token: needs grafana.url: a token is sent only to the URL configured beside it");
    assertProblem(
        "ingest: { bearerToken: t }\nsilences: { onAck: true, alertmanager: { token: x } }\n",
        "silences.alertmanager.token: needs silences.alertmanager.url");
    assertProblem(
        "ingest: { bearerToken: t }\nupstream: { allowedOrigins: [\"https://grafana.example.com/d\"] }\n",
        "upstream.allowedOrigins[0]: 'https://grafana.example.com/d' is not an origin");
    FirebellConfig config =
        new ConfigLoader(Map.of())
            .load(
                write(
                    "ingest: { bearerToken: t }\ngrafana: { url: \"https://grafana.example.com/\","
                        + " token: glsa_x }\nupstream: { allowedOrigins:"
                        + " [\"HTTPS://Alertmanager.example.com:443\"] }\n"));
    assertThat(config.upstream().allowedOrigins())
        .containsExactly("https://alertmanager.example.com");
    assertThat(config.upstream().allowed("https://alertmanager.example.com/#/alerts")).isPresent();
    assertThat(config.upstream().allowed("https://alertmanager.example.com.evil.example/"))
        .isEmpty();
    assertThat(config.upstream().allowed("https://x@alertmanager.example.com/")).isEmpty();
    assertThat(config.upstream().allowed("http://alertmanager.example.com/")).isEmpty();
  }

  @Test
  void problemsAreOneLineNamingFileKeyAndProblem() throws IOException {
    assertProblem(
        "server: { prot: 80 }\ningest: { allowUnauthenticated: true }\n",
        "server.prot: unknown key (known keys here: host, port, publicUrl)");
    assertProblem(
        "server: { port: eighty }\ningest: { allowUnauthenticated: true }\n",
        "server.port: 'eighty' is not a valid whole number");
    assertProblem(
        "ingest: { bearerToken: t, hmac: { maxSkew: 5 minutes } }\n",
        "ingest.hmac.maxSkew: '5 minutes' is not a valid duration");
    assertProblem(
        "ingest: { bearerToken: t, maxBodyBytes: [1] }\n",
        "ingest.maxBodyBytes: expected whole number");
    assertProblem(
        "database: { url: \"jdbc:mysql://x\" }\ningest: { bearerToken: t }\n",
        "database.url: must start with jdbc:h2: or jdbc:postgresql:");
    assertProblem(
        "server: { publicUrl: \"ftp://x\" }\ningest: { bearerToken: t }\n",
        "server.publicUrl: must be an http:// or https:// URL");
    assertProblem(
        "ingest: { basicAuth: { username: grafana } }\n",
        "ingest.basicAuth: needs both a username and a password");
    assertProblem(
        "ingest: { bearerToken: t }\nheartbeats: [{ id: \"nightly backup\", interval: 1h }]\n",
        "heartbeats[0].id: is required: letters, digits");
    assertProblem(
        "ingest: { bearerToken: t }\nheartbeats: [{ id: backup, interval: 30s }]\n",
        "heartbeats[0].interval: is required and at least 1m");
    assertProblem(
        "ingest: { bearerToken: t }\nheartbeats: [{ id: a, interval: 1h }, { id: a, interval: 1h }]\n",
        "heartbeats[1].id: 'a' is listed twice");
    assertProblem(
        "ingest: { bearerToken: t }\noncall: { handoffNotice: 10d }\n",
        "oncall.handoffNotice: must be between 1m and 7d");
    assertProblem("server: [1, 2]\n", "server: expected a mapping of server settings");
    assertProblem(
        "ingest: { bearerToken: t }\nseverity: { default: P3 }\n",
        "severity.default: 'P3' is not one of the severities severity.map gives (SEV-1, SEV-2,"
            + " SEV-3, SEV-4)");
    assertProblem("server: {\n", "is not valid YAML");
  }

  @Test
  void startingWithoutIngestCredentialsIsRefusedUnlessAllowed() throws IOException {
    assertProblem("server: { port: 8080 }\n", "ingest: no webhook credentials are configured");

    FirebellConfig open =
        new ConfigLoader(Map.of()).load(write("ingest: { allowUnauthenticated: true }\n"));
    assertThat(open.ingest().allowUnauthenticated()).isTrue();
  }

  @Test
  void anUnreadableFileIsNamed() {
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(missing + ": cannot read the file");
  }

  private void assertProblem(String yaml, String expected) throws IOException {
    Path file = write(yaml);
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ": " + expected)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  private Path write(String yaml) throws IOException {
    Path file = Files.createTempFile(dir, "firebell", ".yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
