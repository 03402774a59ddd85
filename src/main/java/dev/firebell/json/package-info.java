/** The one JSON configuration. */
package dev.firebell.json;
