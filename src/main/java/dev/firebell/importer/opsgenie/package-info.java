/**
 * Opsgenie REST API v2 ({@code api.opsgenie.com} or {@code api.eu.opsgenie.com}): users with their
 * contacts and the steps of their create-alert notification rule, schedules with rotations, time
 * restrictions and overrides, escalations, and teams' routing rules, read and mapped to Firebell's
 * rota; its schedule timeline for {@code --verify}.
 */
package dev.firebell.importer.opsgenie;
