/**
 * The HTTP layer: routes, the error mapper, the JSON API and the server ({@link
 * dev.firebell.web.WebServer}); the pages in {@code web.ui}, the rota's endpoints in {@code
 * web.oncall}.
 */
package dev.firebell.web;
