/** Microsoft Teams: pages posted to a Workflows webhook as Adaptive Cards. */
package dev.firebell.channel.teams;
