package dev.firebell.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Logs in to the web interface as a browser would (form, double-submit token, session cookie). */
final class WebLogin {
  private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private WebLogin() {}

  /** The session cookie ({@code name=value}) of a fresh log-in. */
  static String session(HttpClient http, String baseUrl, String username, String password)
      throws Exception {
    HttpResponse<String> form =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/login")).build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher token = TOKEN.matcher(form.body());
    if (!token.find()) {
      throw new IllegalStateException("no log-in token in the form");
    }
    String loginCookie = cookie(form, "firebell_login");
    String body =
        "username="
            + encode(username)
            + "&password="
            + encode(password)
            + "&_csrf="
            + encode(token.group(1));
    HttpResponse<String> login =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", loginCookie)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return cookie(login, "firebell_session");
  }

  static void get(HttpClient http, String url, String session) throws Exception {
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).header("Cookie", session).build(),
            HttpResponse.BodyHandlers.ofString());
    if (page.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + page.statusCode());
    }
  }

  private static String cookie(HttpResponse<?> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(header -> header.startsWith(name + "="))
        .map(header -> header.split(";", 2)[0])
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no " + name + " cookie (" + response.statusCode() + ")"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
