/**
 * Grafana OnCall's public API v1 (an instance's {@code /api/v1/}): users and their personal
 * notification rules, web and calendar schedules from their on-call shifts, iCal schedules from
 * their final shifts, escalation chains and their steps, integrations and their routes, read and
 * mapped to Firebell's rota; a schedule's final shifts for {@code --verify}.
 */
package dev.firebell.importer.grafanaoncall;
