package dev.firebell.ingest;

import dev.firebell.security.Hashing;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stable identities. A group is its sender, Grafana organisation, receiver and group key: a
 * groupKey such as "{}:{}" alone would join unrelated receivers' alerts.
 */
final class GroupIdentity {
  private GroupIdentity() {}

  static String hash(String source, Long orgId, String receiver, String groupKey) {
    return Hashing.sha256Hex(
        source + "\n" + (orgId == null ? "" : orgId) + "\n" + receiver + "\n" + groupKey);
  }

  /** Sixteen hex digits, like Alertmanager's own fingerprints. */
  static String labelsFingerprint(Map<String, String> labels) {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(labels)
        .forEach(
            (name, value) -> text.append(name).append('\u0000').append(value).append('\u0001'));
    return Hashing.sha256Hex(text.toString()).substring(0, 16);
  }
}
