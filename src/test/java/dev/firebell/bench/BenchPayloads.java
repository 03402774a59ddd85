package dev.firebell.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebell.Fixtures;
import java.io.IOException;

/** The benchmark's webhook bodies, all derived from one real Grafana 9 notification. */
final class BenchPayloads {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A real Grafana 9 unified-alerting notification, as Grafana sent it. */
  static final String GRAFANA = Fixtures.read("captured/grafana-unified/alert-9.json");

  private BenchPayloads() {}

  /** The notification as alert group {@code key}, firing or resolved. */
  static String group(String key, boolean resolved) {
    return group(key, Integer.toHexString(key.hashCode()), resolved);
  }

  /** For wrk: {@link WrkLoad#KEY} stands for the group's key, its alert's fingerprint too. */
  static String groupTemplate(boolean resolved) {
    return group(WrkLoad.KEY, WrkLoad.KEY, resolved);
  }

  private static String group(String key, String fingerprint, boolean resolved) {
    try {
      ObjectNode body = (ObjectNode) JSON.readTree(GRAFANA);
      body.put("groupKey", "{}:{service=\"" + key + "\"}");
      ((ObjectNode) body.get("commonLabels")).put("service", key);
      ObjectNode alert = (ObjectNode) body.get("alerts").get(0);
      ((ObjectNode) alert.get("labels")).put("service", key);
      alert.put("fingerprint", fingerprint);
      if (resolved) {
        body.put("status", "resolved");
        alert.put("status", "resolved").put("endsAt", "2026-11-28T16:30:00Z");
      }
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A live Alertmanager's notification, as it sent it. */
  static final String ALERTMANAGER = Fixtures.read("alertmanager-live/am-firing.json");

  /**
   * One Alertmanager notification of group {@code key} with {@code count} instances: the largest a
   * storm sends at once (about 700 bytes an instance, under ingest.maxBodyBytes for 20,000).
   */
  static String largeNotification(String key, int count) throws IOException {
    ObjectNode body = (ObjectNode) JSON.readTree(ALERTMANAGER);
    body.put("groupKey", "{}:{service=\"" + key + "\"}");
    ObjectNode template = (ObjectNode) body.get("alerts").get(0);
    ArrayNode alerts = body.putArray("alerts");
    for (int n = 0; n < count; n++) {
      ObjectNode alert = template.deepCopy();
      ((ObjectNode) alert.get("labels")).put("instance", "10.1." + (n / 250) + "." + (n % 250));
      alert.put("fingerprint", String.format("%016x", n + 1));
      alerts.add(alert);
    }
    return JSON.writeValueAsString(body);
  }

  /** Group {@code key} with 1,000 instances, the {@code batch}-th thousand. */
  static String bigGroup(String key, int batch) throws IOException {
    ObjectNode body = (ObjectNode) JSON.readTree(group(key, false));
    ObjectNode template = (ObjectNode) body.get("alerts").get(0);
    ArrayNode alerts = body.putArray("alerts");
    for (int i = 0; i < 1000; i++) {
      ObjectNode alert = template.deepCopy();
      int n = batch * 1000 + i;
      ((ObjectNode) alert.get("labels")).put("instance", "10.0." + (n / 250) + "." + (n % 250));
      alert.put("fingerprint", String.format("%016x", n + 1));
      alerts.add(alert);
    }
    return JSON.writeValueAsString(body);
  }
}
