/**
 * Firebell: receives Grafana and Alertmanager alert webhooks, opens one incident per alert group,
 * pages whoever is on call and drafts the postmortem. {@link dev.firebell.App} composes the modules
 * of the packages below; {@link dev.firebell.Main} starts it.
 */
package dev.firebell;
