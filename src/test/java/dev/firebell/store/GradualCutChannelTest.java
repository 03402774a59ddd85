package dev.firebell.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** H2 sees a cut at once; the file follows, and nothing written since is cut away. */
class GradualCutChannelTest {
  private static final long MB = 1 << 20;

  @TempDir Path dir;
  private Path path;
  private final List<Runnable> heldCuts = new ArrayList<>();

  @BeforeEach
  void aFileOf100Megabytes() throws IOException {
    path = dir.resolve("db.mv.db");
    try (FileChannel file = open()) {
      file.write(ByteBuffer.wrap(new byte[] {1}), 100 * MB - 1);
    }
  }

  @Test
  void aCutIsSeenAtOnceAndMadeASliceAtATime() throws IOException {
    try (GradualCutChannel channel = held()) {
      channel.truncate(MB);
      assertThat(channel.size()).isEqualTo(MB);
      assertThat(Files.size(path)).isEqualTo(100 * MB);
      assertThat(channel.read(ByteBuffer.allocate(16), MB)).isEqualTo(-1);

      runHeldCut();
      assertThat(Files.size(path)).isEqualTo(MB);
    }
  }

  @Test
  void whatIsWrittenPastTheCutIsKept() throws IOException {
    try (GradualCutChannel channel = held()) {
      channel.truncate(MB);
      channel.write(text("the next chunk"), 2 * MB);
      assertThat(channel.size()).isEqualTo(2 * MB + 14);

      runHeldCut();
      assertThat(Files.size(path)).isEqualTo(2 * MB + 14);
      ByteBuffer read = ByteBuffer.allocate(14);
      channel.read(read, 2 * MB);
      assertThat(new String(read.array(), StandardCharsets.UTF_8)).isEqualTo("the next chunk");
    }
  }

  @Test
  void closingFinishesTheCut() throws IOException {
    GradualCutChannel channel = held();
    channel.truncate(3 * MB);
    channel.close();
    assertThat(Files.size(path)).isEqualTo(3 * MB);
  }

  @Test
  void theCutterRunsWithoutBeingHeld() throws Exception {
    try (GradualCutChannel channel = new GradualCutChannel(open(), path.toString())) {
      channel.truncate(MB);
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (Files.size(path) > MB && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(Files.size(path)).isEqualTo(MB);
    }
  }

  /** A channel whose cuts wait for {@link #runHeldCut}. */
  private GradualCutChannel held() throws IOException {
    return new GradualCutChannel(open(), path.toString(), heldCuts::add);
  }

  private void runHeldCut() {
    assertThat(heldCuts).hasSize(1);
    heldCuts.remove(0).run();
  }

  private FileChannel open() throws IOException {
    return FileChannel.open(
        path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  private static ByteBuffer text(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
  }
}
