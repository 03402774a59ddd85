package dev.firebell.channel;

import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/** The JSON POST that the webhook, the chat channels and the calls upstream all make. */
public final class JsonPost {
  public static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private JsonPost() {}

  public static Request to(String url, String body) {
    return new Request.Builder()
        .url(url)
        .header("User-Agent", "Firebell")
        .post(RequestBody.create(body, JSON))
        .build();
  }
}
