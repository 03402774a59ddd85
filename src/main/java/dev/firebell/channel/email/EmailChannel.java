package dev.firebell.channel.email;

import dev.firebell.channel.Channel;
import dev.firebell.channel.ContactCheck;
import dev.firebell.channel.Notice;
import dev.firebell.channel.PageMessage;
import dev.firebell.channel.Sent;
import dev.firebell.oncall.contact.ContactEntry;
import dev.firebell.oncall.contact.EmailContact;
import dev.firebell.outbox.DeliveryFailure;
import dev.firebell.text.Cut;
import dev.firebell.text.Templates;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
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
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** An email over SMTP with plain-text and HTML parts, both carrying the acknowledge link. */
public final class EmailChannel implements Channel<EmailContact> {
  static final int SUBJECT = 200;
  static final int LISTED_ALERTS = 20;

  private final SmtpConfig smtp;
  private final Session session;
  private final Templates templates;
  private volatile PebbleTemplate html;
  private volatile PebbleTemplate text;

  public EmailChannel(SmtpConfig smtp, Templates templates, Duration timeout) {
    this.smtp = smtp;
    this.session = session(smtp, timeout);
    this.templates = templates;
  }

  /** Compiled on the first email, not at start-up. */
  private PebbleTemplate html() {
    if (html == null) {
      html = templates.get().getTemplate("email.html.peb");
    }
    return html;
  }

  private PebbleTemplate text() {
    if (text == null) {
      text = plainText().getTemplate("email.txt.peb");
    }
    return text;
  }

  /**
   * The plain-text part keeps every line break as written: the shared engine trims the newline
   * after each tag and expression, which suits HTML and would run the text's lines together.
   */
  private static PebbleEngine plainText() {
    ClasspathLoader loader = new ClasspathLoader();
    loader.setPrefix("templates");
    return new PebbleEngine.Builder()
        .loader(loader)
        .autoEscaping(false)
        .newLineTrimming(false)
        .strictVariables(false)
        .build();
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
  public Sent send(EmailContact contact, PageMessage message) throws DeliveryFailure {
    mail(
        contact,
        subject(message),
        mail -> {
          MimeMultipart alternatives = new MimeMultipart("alternative");
          alternatives.addBodyPart(part(text(message), "plain"));
          alternatives.addBodyPart(part(html(message), "html"));
          mail.setContent(alternatives);
        });
    return Sent.NOTHING;
  }

  /**
   * Sends one message from {@code smtp.from} to the contact; what it says comes from {@code body}.
   */
  private void mail(EmailContact contact, String subject, Body body) throws DeliveryFailure {
    try {
      MimeMessage mail = new MimeMessage(session);
      mail.setFrom(new InternetAddress(smtp.from()));
      mail.setRecipients(Message.RecipientType.TO, InternetAddress.parse(contact.to()));
      mail.setSubject(subject, "UTF-8");
      body.fill(mail);
      Transport.send(mail);
    } catch (SendFailedException e) {
      throw DeliveryFailure.permanent("email refused: " + e.getMessage());
    } catch (MessagingException e) {
      throw DeliveryFailure.retryable("email not sent: " + e.getMessage());
    }
  }

  private interface Body {
    void fill(MimeMessage mail) throws MessagingException;
  }

  /** A notice is plain text: what it says, then its links. */
  @Override
  public Sent notify(EmailContact contact, Notice notice) throws DeliveryFailure {
    String body =
        notice.text()
            + "\n\n"
            + (notice.actionUrl() == null
                ? ""
                : notice.actionLabel() + ": " + notice.actionUrl() + "\n")
            + "The rota: "
            + notice.url()
            + "\n";
    mail(contact, oneLine(notice.title()), mail -> mail.setText(body, "UTF-8"));
    return Sent.NOTHING;
  }

  /** One line of at most {@value #SUBJECT} characters: mail clients show no more. */
  public static String subject(PageMessage message) {
    return oneLine(message.headline());
  }

  private static String oneLine(String text) {
    return Cut.toChars(text.replaceAll("\\p{Cntrl}+", " ").strip(), SUBJECT);
  }

  private static MimeBodyPart part(String content, String subtype) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setText(content, "UTF-8", subtype);
    return part;
  }

  public String text(PageMessage message) {
    return render(text(), message);
  }

  public String html(PageMessage message) {
    return render(html(), message);
  }

  /**
   * The first {@value #LISTED_ALERTS} alerts, like the postmortem, then "and N more" with the
   * incident's link: a storm's email stays readable.
   */
  private static String render(PebbleTemplate template, PageMessage message) {
    StringWriter out = new StringWriter();
    List<PageMessage.AlertLinks> listed =
        message.alerts().subList(0, Math.min(LISTED_ALERTS, message.alerts().size()));
    int more = Math.max(message.alertsTotal(), message.alerts().size()) - listed.size();
    try {
      template.evaluate(out, Map.of("m", message, "alerts", listed, "moreAlerts", more));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** An email contact: an address, and the smtp: section of firebell.yaml to send through. */
  public static EmailContact read(ContactEntry entry, ContactCheck check) {
    String to = check.required(entry.to(), "to");
    if (!to.contains("@")) {
      throw check.problem("to", "'" + to + "' is not an email address");
    }
    if (!check.config().smtp().isConfigured()) {
      throw check.problem(
          null, "email contacts need the smtp: section of firebell.yaml (smtp.host)");
    }
    return new EmailContact(entry.to());
  }
}
