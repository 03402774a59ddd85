package dev.firebell.oncall.contact;

/** A webhook, Slack, Discord, Teams or Mattermost contact: the URL messages are posted to. */
public record UrlContact(ContactType type, String url) implements Contact {}
