/**
 * Twilio: SMS and voice pages (TwiML, keypresses that acknowledge), the request signature its
 * callbacks carry, and the twilio: section of firebell.yaml.
 */
package dev.firebell.channel.twilio;
