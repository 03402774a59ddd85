/** Signed links, calendar tokens, sessions, passwords and login throttling. */
package dev.firebell.security;
