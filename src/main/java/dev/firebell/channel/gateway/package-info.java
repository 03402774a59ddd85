/**
 * The generic HTTP gateway: any method, headers and a Mustache body escaped for its content type.
 */
package dev.firebell.channel.gateway;
