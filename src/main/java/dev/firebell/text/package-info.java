/** Text helpers: cutting to a length and the HTTP gateway's body templates. */
package dev.firebell.text;
