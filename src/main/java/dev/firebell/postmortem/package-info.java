/**
 * The postmortem draft: every fact Firebell knows in the team's template ({@link
 * dev.firebell.postmortem.PostmortemDrafter}, pure).
 */
package dev.firebell.postmortem;
