package dev.firebell.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.FirebellProcess;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server reloads its on-call file on {@code SIGHUP}, as daemons do: a valid file takes
 * effect without a restart, an invalid one is logged and the running rota stays.
 */
class ReloadSignalIT {

  @Test
  void sighupReloadsTheOnCallFileAndABadFileLeavesTheRotaAsItWas(@TempDir Path dir)
      throws Exception {
    int port = FirebellProcess.freePort();
    Path oncall = FirebellProcess.writeTessaOnCall(dir, "http://127.0.0.1:9/tessa");
    Path config =
        FirebellProcess.writeConfig(
            dir, port, dir.resolve("data"), "oncall: { file: \"" + oncall + "\" }");
    try (FirebellProcess firebell = FirebellProcess.start(config, port, dir)) {
      assertThat(people(firebell)).contains("\"name\":\"tessa\"");

      Files.writeString(
          oncall, Files.readString(oncall).replace("{ id: tessa,", "{ id: tessa, name: Tessa T,"));
      firebell.signal("HUP");
      awaitPeople(firebell, "\"name\":\"Tessa T\"");

      Files.writeString(
          oncall, Files.readString(oncall).replace("people: [tessa]", "people: [ghost]"));
      firebell.signal("HUP");
      Instant deadline = Instant.now().plusSeconds(15);
      while (!firebell.log().contains("on-call reload refused")
          && Instant.now().isBefore(deadline)) {
        Thread.sleep(100);
      }
      assertThat(firebell.log()).contains("on-call reload refused").contains("ghost");
      assertThat(people(firebell)).contains("\"name\":\"Tessa T\"");
    }
  }

  private static void awaitPeople(FirebellProcess firebell, String expected) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
    while (!people(firebell).contains(expected) && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    assertThat(people(firebell)).contains(expected);
  }

  private static String people(FirebellProcess firebell) {
    Reply reply =
        TestApp.send(
            HttpRequest.newBuilder(URI.create(firebell.url("/api/oncall")))
                .header("Authorization", "Bearer " + TestApp.API_TOKEN));
    return reply.json().get("people").toString();
  }
}
