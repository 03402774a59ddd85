/**
 * Escalation policies at runtime: {@link dev.firebell.escalation.EscalationDecider} (pure: what a
 * new incident or a due step does), the engine that claims and writes its decisions, and the
 * escalation table.
 */
package dev.firebell.escalation;
