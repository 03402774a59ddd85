package dev.firebell.upstream;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Which dashboard and panel an alert belongs to, read from Grafana's {@code dashboardURL} ({@code
 * …/d/<uid>/<slug>?orgId=1}) and {@code panelURL} ({@code …&viewPanel=<id>}). Pure.
 */
record DashboardRef(String uid, Long panelId) {

  static Optional<DashboardRef> of(String dashboardUrl, String panelUrl) {
    Optional<String> uid = uid(dashboardUrl).or(() -> uid(panelUrl));
    return uid.map(found -> new DashboardRef(found, panel(panelUrl)));
  }

  private static Optional<String> uid(String url) {
    String path = path(url);
    if (path == null) {
      return Optional.empty();
    }
    String[] parts = path.split("/");
    for (int index = 0; index + 1 < parts.length; index++) {
      if (parts[index].equals("d") && !parts[index + 1].isBlank()) {
        return Optional.of(parts[index + 1]);
      }
    }
    return Optional.empty();
  }

  private static Long panel(String url) {
    if (url == null) {
      return null;
    }
    try {
      String query = new URI(url.strip()).getRawQuery();
      if (query == null) {
        return null;
      }
      for (String pair : query.split("&")) {
        if (pair.startsWith(
            "viewPanel=")) { // "viewPanel=2", or "viewPanel=panel-2" since Grafana 11
          return Long.parseLong(pair.substring("viewPanel=".length()).replaceFirst("^panel-", ""));
        }
      }
    } catch (URISyntaxException | NumberFormatException e) {
      return null; // not a panel link Grafana made: annotate the dashboard
    }
    return null;
  }

  private static String path(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      return new URI(url.strip()).getPath();
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
