package dev.firebell.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code scripts/bench.sh --profile}: records each phase of the server under test with Java Flight
 * Recorder (through {@code jcmd}), one file a phase under {@code target/bench/profile/}, so a
 * missed goal can be traced to the code that spent the time. {@code
 * --profile=PATH/libasyncProfiler.so} uses async-profiler instead (CPU time including native code
 * and the JIT, as collapsed stacks).
 */
final class PhaseProfiler {
  private final boolean enabled;
  private final String asyncProfiler;
  private final Path directory;

  PhaseProfiler(boolean enabled, String asyncProfiler, Path directory) {
    this.enabled = enabled || asyncProfiler != null;
    this.asyncProfiler = asyncProfiler;
    this.directory = directory;
  }

  /** Runs {@code phase} while recording the process {@code pid}, when profiling is on. */
  <T> T record(long pid, String name, PhaseBody<T> phase) throws Exception {
    if (!enabled) {
      return phase.run();
    }
    Files.createDirectories(directory);
    String recording = name.replaceAll("[^A-Za-z0-9]+", "-");
    if (asyncProfiler != null) {
      agent(pid, "start,event=itimer,interval=1ms");
    } else {
      jcmd(pid, "JFR.start", "name=" + recording, "settings=profile");
    }
    try {
      return phase.run();
    } finally {
      Path file;
      if (asyncProfiler != null) {
        file = directory.resolve(recording + ".collapsed").toAbsolutePath();
        agent(pid, "stop,collapsed,file=" + file);
      } else {
        file = directory.resolve(recording + ".jfr").toAbsolutePath();
        jcmd(pid, "JFR.stop", "name=" + recording, "filename=" + file);
      }
      System.out.println("[bench] profile of " + name + ": " + file);
    }
  }

  /** jcmd would split the agent's options at their '=' signs unless they are quoted. */
  private void agent(long pid, String options) throws IOException, InterruptedException {
    String output = jcmd(pid, "JVMTI.agent_load", asyncProfiler, '"' + options + '"');
    if (!output.contains("return code: 0")) {
      throw new IllegalStateException("async-profiler " + options + ": " + output);
    }
  }

  interface PhaseBody<T> {
    T run() throws Exception;
  }

  private static String jcmd(long pid, String... arguments)
      throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    List<String> command = new java.util.ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException("jcmd " + String.join(" ", arguments) + ": " + output);
    }
    return output;
  }
}
