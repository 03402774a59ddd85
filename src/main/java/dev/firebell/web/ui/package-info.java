/** The web interface's pages and forms (Pebble templates). */
package dev.firebell.web.ui;
