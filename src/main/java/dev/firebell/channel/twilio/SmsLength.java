package dev.firebell.channel.twilio;

/**
 * How Twilio counts an SMS: GSM-7 septets when every character is in the GSM 03.38 alphabet (the
 * extension characters such as {@code €} or {@code [} take two), else UTF-16 units in UCS-2, and
 * segments of 160/153 septets or 70/67 units. Firebell keeps a text within {@value #GSM_LIMIT}
 * septets, or {@value #UCS2_LIMIT} UCS-2 units: three segments either way.
 */
public final class SmsLength {
  public static final int GSM_LIMIT = 320;
  public static final int UCS2_LIMIT = 201;

  private static final String GSM_BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

  private SmsLength() {}

  public static boolean isGsm(String text) {
    return text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
  }

  /** Septets in GSM-7, or UTF-16 units in UCS-2. */
  public static int units(String text) {
    return units(text, isGsm(text));
  }

  private static int units(String text, boolean gsm) {
    return gsm ? text.chars().map(SmsLength::septets).sum() : text.length();
  }

  private static int septets(int c) {
    return GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1;
  }

  public static int segments(String text) {
    int units = units(text);
    if (isGsm(text)) {
      return units <= 160 ? 1 : (units + 152) / 153;
    }
    return units <= 70 ? 1 : (units + 66) / 67;
  }

  /**
   * The headline cut with an ellipsis so that headline and tail (the link, which is never cut) fit
   * the limit of the encoding the whole text needs.
   */
  static String fit(String headline, String tail) {
    String whole = headline + tail;
    boolean gsm = isGsm(whole);
    int limit = gsm ? GSM_LIMIT : UCS2_LIMIT;
    if (units(whole, gsm) <= limit) {
      return whole;
    }
    String ellipsis = gsm ? "..." : "…";
    int room = limit - units(tail, gsm) - units(ellipsis, gsm);
    int used = 0;
    int end = 0;
    while (end < headline.length()) {
      int codePoint = headline.codePointAt(end);
      int cost = gsm ? septets(codePoint) : Character.charCount(codePoint);
      if (used + cost > room) {
        break;
      }
      used += cost;
      end += Character.charCount(codePoint);
    }
    return headline.substring(0, end) + ellipsis + tail;
  }
}
