package dev.firebell;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Webhook bodies derived from the live Alertmanager capture: the same notification for another
 * alert group, or with many alert instances.
 */
public final class Payloads {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FIRING = Fixtures.read("alertmanager-live/am-firing.json");
  private static final String RESOLVED = Fixtures.read("alertmanager-live/am-resolved.json");

  private Payloads() {}

  /** The live capture as alert group {@code service} (its service label and group key). */
  public static String group(String service, long fingerprint) {
    ObjectNode body = read(FIRING);
    body.put("groupKey", "{}:{service=\"" + service + "\"}");
    ((ObjectNode) body.get("groupLabels")).put("service", service);
    ((ObjectNode) body.get("commonLabels")).put("service", service);
    ObjectNode alert = (ObjectNode) body.get("alerts").get(0);
    ((ObjectNode) alert.get("labels")).put("service", service);
    alert.put("fingerprint", String.format("%016x", fingerprint));
    return write(body);
  }

  /** The live capture's group with {@code size} instances, numbered from {@code first}. */
  public static String manyAlerts(int first, int size) {
    return many(read(FIRING), first, size);
  }

  /** {@link #manyAlerts} resolved, as the live capture's resolution of that group. */
  public static String manyResolved(int first, int size) {
    return many(read(RESOLVED), first, size);
  }

  private static String many(ObjectNode body, int first, int size) {
    ObjectNode template = (ObjectNode) body.get("alerts").get(0);
    ArrayNode alerts = body.putArray("alerts");
    for (int i = 0; i < size; i++) {
      ObjectNode alert = template.deepCopy();
      int n = first + i;
      ((ObjectNode) alert.get("labels"))
          .put("instance", "10.0." + (n / 250) + "." + (n % 250) + ":9100");
      alert.put("fingerprint", String.format("%016x", n + 1));
      alerts.add(alert);
    }
    return write(body);
  }

  private static ObjectNode read(String text) {
    try {
      return (ObjectNode) JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String write(ObjectNode body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
