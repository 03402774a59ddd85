package dev.firebell.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** oncall.file is read from the folder of firebell.yaml, wherever Firebell is started. */
class OnCallPathTest {
  @TempDir Path dir;

  @Test
  void aRelativeOnCallFileIsReadBesideTheConfigFile() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("etc/firebell"));
    Path config = folder.resolve("firebell.yaml");
    Files.writeString(config, "ingest: { bearerToken: t }\noncall: { file: teams/oncall.yaml }\n");
    Files.createDirectories(folder.resolve("teams"));
    Files.writeString(
        folder.resolve("teams/oncall.yaml"),
        "people: [{ id: tessa, contacts: [{ type: webhook, url: \"http://localhost:1/\" }] }]\n");

    ConfigLoader loader = new ConfigLoader(Map.of());
    FirebellConfig loaded = loader.load(config);

    assertThat(ConfigLoader.onCallPath(loaded, config))
        .isEqualTo(folder.resolve("teams/oncall.yaml").toAbsolutePath());
    assertThat(loader.loadOnCall(loaded, config).people()).containsKey("tessa");
  }

  @Test
  void withoutANameTheFileBesideTheConfigIsTheDefault() throws IOException {
    Path config = dir.resolve("firebell.yaml");
    Files.writeString(config, "ingest: { bearerToken: t }\n");
    FirebellConfig loaded = new ConfigLoader(Map.of()).load(config);
    assertThat(loaded.oncall().path(config)).isEqualTo(dir.resolve("oncall.yaml").toAbsolutePath());
  }
}
