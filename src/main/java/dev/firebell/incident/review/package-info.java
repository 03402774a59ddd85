/**
 * What people write on an incident for its review: the checked edit ({@link
 * dev.firebell.incident.review.IncidentEdit}), impact, action items and their storage.
 */
package dev.firebell.incident.review;
