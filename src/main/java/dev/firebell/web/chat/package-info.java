/**
 * What chat tools send back: presses on the Slack app's buttons and its {@code /firebell} command,
 * and presses on Mattermost's message buttons. Each request is checked (Slack's signature, a signed
 * single-use token for Mattermost) before it acts as the person it maps to.
 */
package dev.firebell.web.chat;
