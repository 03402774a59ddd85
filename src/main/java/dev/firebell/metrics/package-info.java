/** Prometheus metrics of incidents, deliveries, webhooks, heartbeats and reloads. */
package dev.firebell.metrics;
