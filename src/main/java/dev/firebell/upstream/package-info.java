/**
 * Calls back into the alert sources: silences in Alertmanager or Grafana and annotations on Grafana
 * dashboards, sent through the outbox and watched.
 */
package dev.firebell.upstream;
