package dev.firebell.oncall.contact;

/** A phone number in E.164 form, texted (SMS) or called (voice) through Twilio. */
public record PhoneContact(ContactType type, String to) implements Contact {}
