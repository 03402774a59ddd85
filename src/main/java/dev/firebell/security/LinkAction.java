package dev.firebell.security;

/** What a link in a page does when its button is pressed. */
public enum LinkAction {
  ACK("ack"),
  RESOLVE("resolve");

  private final String path;

  LinkAction(String path) {
    this.path = path;
  }

  /** The path segment: {@code /ack/{token}} or {@code /resolve/{token}}. */
  public String path() {
    return path;
  }
}
