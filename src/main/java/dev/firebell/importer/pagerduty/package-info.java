/**
 * PagerDuty REST API v2: users with their contact methods and notification rules, schedules with
 * their layers, restrictions and overrides, escalation policies and services, read and mapped to
 * Firebell's rota; its rendered final schedule for {@code --verify}.
 */
package dev.firebell.importer.pagerduty;
