package dev.firebell.channel.twilio;

import dev.firebell.text.Cut;

/**
 * What a voice page says, as TwiML: the incident read out inside a {@code <Gather>} whose action is
 * the call's signed callback, so pressing 1 acknowledges and 2 hears it again. Pure.
 */
public final class VoiceScript {
  /** Spoken text is kept short: a long summary is not read out, the title is cut. */
  static final int SPOKEN = 300;

  private VoiceScript() {}

  /** "Firebell. SEV-2. Pizza creation failures on jwt-pizza-service. Press 1 …". */
  public static String speech(String severity, String title, String service) {
    String what =
        Cut.toChars(title, SPOKEN) + (service == null || service.isBlank() ? "" : " on " + service);
    return "Firebell. " + severity + ". " + what + ". Press 1 to acknowledge, 2 to hear it again.";
  }

  /** The call's TwiML: the speech, gathered once, then again if nobody pressed anything. */
  public static String gather(String speech, String actionUrl) {
    String say = "<Say>" + xml(speech) + "</Say>";
    return "<Response><Gather numDigits=\"1\" timeout=\"8\" method=\"POST\" action=\""
        + xml(actionUrl)
        + "\">"
        + say
        + "</Gather>"
        + "<Gather numDigits=\"1\" timeout=\"8\" method=\"POST\" action=\""
        + xml(actionUrl)
        + "\">"
        + say
        + "</Gather><Say>No key pressed. Goodbye.</Say></Response>";
  }

  public static String said(String text) {
    return "<Response><Say>" + xml(text) + "</Say></Response>";
  }

  static String xml(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&apos;");
  }
}
