/**
 * The webhook endpoints: authenticate, parse, translate a Grafana or Alertmanager payload into
 * signals (pure) and hand them to the incident service.
 */
package dev.firebell.ingest;
