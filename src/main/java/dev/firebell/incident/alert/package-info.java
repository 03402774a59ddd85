/**
 * Alert notifications becoming incidents: the alert group's row, the merge of a notification into
 * its open incident ({@link dev.firebell.incident.alert.AlertMerge}, pure) and the alert instances.
 */
package dev.firebell.incident.alert;
