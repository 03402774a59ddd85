/** The plain webhook: the page or notice as JSON, the contract for custom integrations. */
package dev.firebell.channel.webhook;
