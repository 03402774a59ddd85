/**
 * Pushover: emergency pages, their receipts (watched until the incident is handled, acknowledging
 * it from the app), and the pushover: section of firebell.yaml.
 */
package dev.firebell.channel.pushover;
