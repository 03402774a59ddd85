/** ntfy: pages published to a topic, with an Acknowledge action. */
package dev.firebell.channel.ntfy;
