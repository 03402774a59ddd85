package dev.firebell.channel.twilio;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Twilio-Signature} as Twilio documents it: Base64 of HMAC-SHA1, keyed with the account's
 * auth token, over the full URL Twilio requested followed by each POST parameter's name and value,
 * sorted by name. Pure.
 */
public final class TwilioSignature {
  private TwilioSignature() {}

  public static String sign(String authToken, String url, Map<String, String> params) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
    }
  }

  /** Whether {@code signature} is Twilio's for this request (compared in constant time). */
  public static boolean valid(
      String authToken, String url, Map<String, String> params, String signature) {
    if (signature == null || signature.isBlank()) {
      return false;
    }
    return MessageDigest.isEqual(
        sign(authToken, url, params).getBytes(StandardCharsets.US_ASCII),
        signature.strip().getBytes(StandardCharsets.US_ASCII));
  }
}
