package dev.firebell.ingest;

/** Told how each webhook ended: accepted, duplicate, ignored, unauthorized or invalid. */
public interface WebhookObserver {
  WebhookObserver NONE = (source, outcome) -> {};

  void received(String source, String outcome);
}
