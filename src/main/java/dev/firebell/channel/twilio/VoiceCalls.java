package dev.firebell.channel.twilio;

import dev.firebell.incident.timeline.Timeline;
import dev.firebell.incident.timeline.TimelineKind;
import dev.firebell.notify.DeliveryRepository;
import java.time.Clock;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a voice page's call ended, from Twilio's status callback: a call that was not answered, busy,
 * failed or cancelled is a failed delivery (timeline {@code page.failed}); escalation carries on.
 */
public final class VoiceCalls {
  private static final Logger log = LoggerFactory.getLogger(VoiceCalls.class);
  private static final Set<String> FAILED = Set.of("busy", "no-answer", "failed", "canceled");

  private final Jdbi jdbi;
  private final Clock clock;

  public VoiceCalls(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Records a call's end; returns whether it made the page a failed delivery. */
  public boolean ended(long incidentId, String personId, String personName, String callStatus) {
    if (!FAILED.contains(callStatus)) {
      return false;
    }
    String error = "the call was " + callStatus.replace('-', ' ');
    return jdbi.inTransaction(
        handle -> {
          if (new DeliveryRepository(handle)
                  .failLatestDelivered(incidentId, personId, "voice", error)
              == 0) {
            return false;
          }
          Timeline.on(handle)
              .stamp(
                  incidentId,
                  clock.instant(),
                  TimelineKind.PAGE_FAILED,
                  "Page to " + personName + " via voice failed: " + error);
          log.warn("incident {}: voice page to {} failed: {}", incidentId, personId, error);
          return true;
        });
  }
}
