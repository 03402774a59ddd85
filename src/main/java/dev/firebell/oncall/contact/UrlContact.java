package dev.firebell.oncall.contact;

/** A webhook, Discord, Teams or Mattermost contact: the URL messages are posted to. */
public record UrlContact(ContactType type, String url) implements Contact {}
