/**
 * The channels people are paged on: {@link dev.firebell.channel.Channel} (what a channel does and
 * what it returns, {@link dev.firebell.channel.Sent}), {@link dev.firebell.channel.ChannelTypes}
 * (the registry: each contact type, how its contact is read from oncall.yaml and how its channel is
 * built), {@link dev.firebell.channel.Channels} (the configured ones, sharing one HTTP client) and
 * the messages they render. One subpackage per vendor.
 */
package dev.firebell.channel;
