/**
 * Telegram: pages with Acknowledge and Resolve buttons, and the long poll that takes the presses.
 */
package dev.firebell.channel.telegram;
