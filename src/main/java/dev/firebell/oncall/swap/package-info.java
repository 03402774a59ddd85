/**
 * Requests for cover: a notice with a signed link to everyone who could take the shift; the first
 * to take it gets an override.
 */
package dev.firebell.oncall.swap;
