package dev.firebell.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2's cut of its file returns at once and the file on disk follows a slice at a time; a write past
 * the pending cut keeps its bytes; a closed file ends where its user left it.
 */
class SlicedCutChannelTest {
  private static final long MEGABYTE = 1 << 20;

  @TempDir Path dir;

  @Test
  void aCutTakesEffectAtOnceAndReachesTheDiskInSlices() throws Exception {
    Path path = dir.resolve("cut.mv.db");
    try (SlicedCutChannel channel = open(path)) {
      fill(channel, 8 * SlicedCutChannel.SLICE_BYTES);

      channel.truncate(MEGABYTE);

      assertThat(channel.size()).isEqualTo(MEGABYTE);
      assertThat(channel.sizeOnDisk()).isGreaterThan(MEGABYTE); // eight slices, paused between
      awaitOnDisk(path, MEGABYTE);
      assertThat(channel.sizeOnDisk()).isEqualTo(MEGABYTE);
    }
    assertThat(Files.size(path)).isEqualTo(MEGABYTE);
  }

  @Test
  void aWritePastAPendingCutKeepsItsBytes() throws Exception {
    Path path = dir.resolve("write.mv.db");
    byte[] text = "written after the cut".getBytes(StandardCharsets.UTF_8);
    long at = 2 * MEGABYTE;
    try (SlicedCutChannel channel = open(path)) {
      fill(channel, 4 * SlicedCutChannel.SLICE_BYTES);

      channel.truncate(MEGABYTE);
      channel.write(ByteBuffer.wrap(text), at);

      assertThat(channel.size()).isEqualTo(at + text.length);
      awaitOnDisk(path, at + text.length);
      ByteBuffer read = ByteBuffer.allocate(text.length);
      channel.read(read, at);
      assertThat(read.array()).isEqualTo(text);
    }
    assertThat(Files.size(path)).isEqualTo(at + text.length);
  }

  @Test
  void closingCutsWhatIsStillPending() throws Exception {
    Path path = dir.resolve("close.mv.db");
    SlicedCutChannel channel = open(path);
    fill(channel, 8 * SlicedCutChannel.SLICE_BYTES);

    channel.truncate(0);
    channel.close();

    assertThat(Files.size(path)).isZero();
  }

  @Test
  void anEmbeddedFileUrlOpensThroughTheSlicedCutsAndOthersStayAsTheyAre() {
    Path database = dir.resolve("firebell");
    assertThat(H2SlicedCuts.url("jdbc:h2:file:" + database + ";MODE=PostgreSQL"))
        .isEqualTo("jdbc:h2:firebell:" + database.toAbsolutePath() + ";MODE=PostgreSQL");
    assertThat(H2SlicedCuts.url("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
    assertThat(H2SlicedCuts.url("jdbc:h2:tcp://db/x")).isEqualTo("jdbc:h2:tcp://db/x");
    assertThat(H2SlicedCuts.onDisk("firebell:" + database.toAbsolutePath() + ".mv.db"))
        .isEqualTo(Path.of(database.toAbsolutePath() + ".mv.db"));
  }

  private static SlicedCutChannel open(Path path) throws IOException {
    return new SlicedCutChannel(
        FileChannel.open(
            path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
        path.toString());
  }

  private static void fill(FileChannel channel, long bytes) throws IOException {
    ByteBuffer megabyte = ByteBuffer.allocate((int) MEGABYTE);
    for (long at = 0; at < bytes; at += MEGABYTE) {
      channel.write(megabyte.clear(), at);
    }
  }

  private static void awaitOnDisk(Path path, long bytes) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (Files.size(path) != bytes && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(Files.size(path)).isEqualTo(bytes);
  }
}
