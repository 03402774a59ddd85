/**
 * {@code firebell import}: reads people, contacts, notification rules, schedules, overrides,
 * escalation policies and routes from PagerDuty, Opsgenie or Grafana OnCall through their
 * documented APIs, writes them as one {@code oncall.yaml}, reports what did not come across, and
 * checks hour by hour that the imported rota puts the same people on call.
 */
package dev.firebell.importer;
