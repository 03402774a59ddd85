package dev.firebell.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One entry of the webhook's {@code alerts} array. Times stay text here: senders write them in more
 * than one form, and {@link SourceTimestamps} reads them all.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record PayloadAlert(
    String status,
    Map<String, String> labels,
    Map<String, String> annotations,
    String startsAt,
    String endsAt,
    String generatorURL,
    String fingerprint,
    String silenceURL,
    String dashboardURL,
    String panelURL,
    String imageURL,
    JsonNode values,
    String valueString) {

  PayloadAlert {
    labels = labels == null ? Map.of() : labels;
    annotations = annotations == null ? Map.of() : annotations;
  }
}
