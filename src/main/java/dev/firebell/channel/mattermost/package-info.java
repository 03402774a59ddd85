/** Mattermost: pages posted to an incoming webhook as attachments. */
package dev.firebell.channel.mattermost;
