package dev.firebell;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/** {@code kill -HUP <pid>} reloads the on-call file, as daemons do. */
final class ReloadSignal {
  private static final Logger log = LoggerFactory.getLogger(ReloadSignal.class);

  private ReloadSignal() {}

  static void install(Runnable reload) {
    try {
      SignalHandler before = Signal.handle(new Signal("HUP"), signal -> reload.run());
      if (before == SignalHandler.SIG_IGN) { // started with SIGHUP ignored, as under nohup
        log.warn(
            "SIGHUP is ignored by this process (started under nohup?) and cannot reload the"
                + " on-call file; use POST /api/oncall/reload");
      }
    } catch (IllegalArgumentException e) { // no SIGHUP here (Windows), or the JVM keeps it
      log.warn(
          "SIGHUP cannot reload the on-call file here ({}); use POST /api/oncall/reload",
          e.getMessage());
    }
  }
}
