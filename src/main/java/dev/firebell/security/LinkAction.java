package dev.firebell.security;

/** What a link in a page does when its button is pressed. */
public enum LinkAction {
  ACK("ack"),
  RESOLVE("resolve"),
  /** Take a shift someone asked cover for; the token's id is the request's, not an incident's. */
  TAKE_SHIFT("swap"),
  /** Twilio's callbacks for a voice page: the keypress, and how the call ended. */
  VOICE("twilio/voice");

  private final String path;

  LinkAction(String path) {
    this.path = path;
  }

  /** The path segment: {@code /ack/{token}}, {@code /resolve/{token}}, {@code /swap/{token}}. */
  public String path() {
    return path;
  }
}
