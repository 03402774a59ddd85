/**
 * How a person is reached: one sealed {@link dev.firebell.oncall.contact.Contact} type per kind of
 * channel, and a contact as oncall.yaml writes it.
 */
package dev.firebell.oncall.contact;
