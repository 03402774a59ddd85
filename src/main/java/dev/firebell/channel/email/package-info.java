/** Email over SMTP: plain text and HTML pages, and the smtp: section of firebell.yaml. */
package dev.firebell.channel.email;
