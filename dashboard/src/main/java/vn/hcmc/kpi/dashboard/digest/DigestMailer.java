package vn.hcmc.kpi.dashboard.digest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import vn.hcmc.kpi.dashboard.system.StateDirectory;
import vn.hcmc.kpi.dashboard.warehouse.Columns;

/**
 * Sends a digest over SMTP ({@code spring.mail.*}). A failed send is tried again after
 * {@code kpi.digest.backoff}, {@code kpi.digest.attempts} times in all; if every attempt fails, the
 * message is kept as an .eml file under {@code <kpi.state-dir>/digest/unsent/} (it can be sent by hand,
 * or the job rerun), logged as an error and returned as FAILED: never lost silently.
 */
@Component
class DigestMailer {

  private static final Logger LOG = LoggerFactory.getLogger(DigestMailer.class);

  private final ObjectProvider<JavaMailSender> sender;
  private final DigestSettings settings;
  private final StateDirectory state;
  private final Clock clock;

  DigestMailer(ObjectProvider<JavaMailSender> sender, DigestSettings settings, StateDirectory state, Clock clock) {
    this.sender = sender;
    this.settings = settings;
    this.state = state;
    this.clock = clock;
  }

  Delivery send(Digest digest) {
    MimeMessage message = message(digest);
    JavaMailSender mail = sender.getIfAvailable();
    String error = "no SMTP server configured (spring.mail.host)";
    int attempt = 0;
    while (mail != null && attempt < settings.attempts()) {
      attempt++;
      try {
        mail.send(message);
        return delivery(digest, Delivery.Status.SENT, attempt, null, null);
      } catch (MailException e) {
        error = e.getMessage();
        LOG.warn("Digest for {} <{}>: attempt {} of {} failed: {}", digest.recipient().username(),
            digest.recipient().email(), attempt, settings.attempts(), error);
        if (attempt < settings.attempts()) {
          pause();
        }
      }
    }
    Path unsent = state.resolve("digest/unsent/" + digest.weekStart() + "-" + digest.recipient().username() + ".eml");
    write(message, unsent);
    LOG.error("Digest for {} <{}>, week {}, NOT SENT after {} attempt(s): {}. The message is kept in {}",
        digest.recipient().username(), digest.recipient().email(), digest.weekStart(), attempt, error, unsent);
    return delivery(digest, Delivery.Status.FAILED, attempt, error, unsent.toString());
  }

  /** The e-mail as it is sent: HTML body, the attachments, from/to/subject. */
  MimeMessage message(Digest digest) {
    JavaMailSender mail = sender.getIfAvailable();
    MimeMessage message = mail != null ? mail.createMimeMessage() : new MimeMessage(Session.getInstance(new Properties()));
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(settings.from());
      helper.setTo(digest.recipient().email());
      helper.setSubject(digest.subject());
      helper.setText(digest.html(), true);
      for (Digest.Attachment attachment : digest.attachments()) {
        helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
            attachment.contentType());
      }
      message.saveChanges();
    } catch (MessagingException e) {
      throw new IllegalStateException("cannot build the digest e-mail for " + digest.recipient().username(), e);
    }
    return message;
  }

  static void write(MimeMessage message, Path file) {
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream out = Files.newOutputStream(file)) {
        message.writeTo(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    } catch (MessagingException e) {
      throw new IllegalStateException("cannot write " + file, e);
    }
  }

  Delivery delivery(Digest digest, Delivery.Status status, int attempts, String error, String file) {
    return new Delivery(OffsetDateTime.now(clock.withZone(Columns.LOCAL)), digest.weekStart(),
        digest.recipient().username(), digest.recipient().email(), digest.subject(), status, attempts, error, file);
  }

  private void pause() {
    try {
      Thread.sleep(settings.backoff().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
