package dev.firebell.channel;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A message to a person that belongs to no incident: a shift begins ({@code handoff}), someone asks
 * for cover ({@code cover-request}, with a "Take this shift" link), cover was found ({@code
 * cover-taken}) or not ({@code cover-expired}). Serialised as-is, it is the body of the {@code
 * webhook} channel, whose field names are a contract.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Notice(
    String kind,
    String title,
    String text,
    PageMessage.Recipient person,
    String schedule,
    Instant from,
    Instant until,
    List<String> handingOver,
    String url,
    String actionLabel,
    String actionUrl) {

  public static final String HANDOFF = "handoff";
  public static final String COVER_REQUEST = "cover-request";
  public static final String COVER_TAKEN = "cover-taken";
  public static final String COVER_EXPIRED = "cover-expired";
  public static final String COVER_WITHDRAWN = "cover-withdrawn";

  /** The same notice addressed to someone else (a stored notice names its person by id). */
  public Notice to(PageMessage.Recipient recipient) {
    return new Notice(
        kind,
        title,
        text,
        recipient,
        schedule,
        from,
        until,
        handingOver,
        url,
        actionLabel,
        actionUrl);
  }
}
