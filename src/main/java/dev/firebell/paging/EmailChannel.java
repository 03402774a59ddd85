package dev.firebell.paging;

import dev.firebell.config.SmtpConfig;
import dev.firebell.oncall.Contact;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/** An email over SMTP with plain-text and HTML parts, both carrying the acknowledge link. */
final class EmailChannel implements Channel {
  private final SmtpConfig smtp;
  private final Session session;
  private final PebbleTemplate html;
  private final PebbleTemplate text;

  EmailChannel(SmtpConfig smtp, PebbleEngine templates, Duration timeout) {
    this.smtp = smtp;
    this.session = session(smtp, timeout);
    this.html = templates.getTemplate("email.html.peb");
    this.text = templates.getTemplate("email.txt.peb");
  }

  private static Session session(SmtpConfig smtp, Duration timeout) {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", smtp.host());
    properties.put("mail.smtp.port", String.valueOf(smtp.port()));
    properties.put("mail.smtp.starttls.enable", String.valueOf(smtp.startTls()));
    properties.put("mail.smtp.connectiontimeout", String.valueOf(timeout.toMillis()));
    properties.put("mail.smtp.timeout", String.valueOf(timeout.toMillis()));
    properties.put("mail.smtp.writetimeout", String.valueOf(timeout.toMillis()));
    if (smtp.username().isEmpty()) {
      return Session.getInstance(properties);
    }
    properties.put("mail.smtp.auth", "true");
    return Session.getInstance(
        properties,
        new Authenticator() {
          @Override
          protected PasswordAuthentication getPasswordAuthentication() {
            return new PasswordAuthentication(smtp.username(), smtp.password());
          }
        });
  }

  @Override
  public void send(Contact contact, PageMessage message) throws DeliveryFailure {
    try {
      MimeMessage mail = new MimeMessage(session);
      mail.setFrom(new InternetAddress(smtp.from()));
      mail.setRecipients(Message.RecipientType.TO, InternetAddress.parse(contact.to()));
      mail.setSubject(message.headline(), "UTF-8");
      MimeMultipart alternatives = new MimeMultipart("alternative");
      alternatives.addBodyPart(part(render(text, message), "plain"));
      alternatives.addBodyPart(part(render(html, message), "html"));
      mail.setContent(alternatives);
      Transport.send(mail);
    } catch (SendFailedException e) {
      throw DeliveryFailure.permanent("email refused: " + e.getMessage());
    } catch (MessagingException e) {
      throw DeliveryFailure.retryable("email not sent: " + e.getMessage());
    }
  }

  private static MimeBodyPart part(String content, String subtype) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setText(content, "UTF-8", subtype);
    return part;
  }

  private static String render(PebbleTemplate template, PageMessage message) {
    StringWriter out = new StringWriter();
    try {
      template.evaluate(out, Map.of("m", message));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
