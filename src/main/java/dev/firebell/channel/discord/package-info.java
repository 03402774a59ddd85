/** Discord: pages and notices posted to a channel webhook as embeds. */
package dev.firebell.channel.discord;
