package dev.firebell.web;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JSON answer written straight to the response. Javalin's {@code ctx.json} hands its body over as
 * a stream, which it copies out through a new 32 KB buffer on every response: for the webhooks'
 * answer, written for every notification a storm sends, that buffer was half of what a repeat
 * allocated.
 */
public final class JsonAnswer {
  private static final Logger log = LoggerFactory.getLogger(JsonAnswer.class);

  private JsonAnswer() {}

  public static void send(Context ctx, int status, Object body) {
    byte[] bytes =
        ctx.jsonMapper().toJsonString(body, body.getClass()).getBytes(StandardCharsets.UTF_8);
    ctx.status(status).contentType(ContentType.APPLICATION_JSON);
    try {
      ctx.outputStream().write(bytes);
    } catch (IOException e) { // only the response is written to: the client went away
      log.info(
          "{} {}: the client stopped reading the answer ({})",
          ctx.method(),
          ctx.path(),
          e.toString());
    }
  }
}
