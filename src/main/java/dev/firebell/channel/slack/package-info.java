/** Slack: pages posted to an incoming webhook as Block Kit messages. */
package dev.firebell.channel.slack;
