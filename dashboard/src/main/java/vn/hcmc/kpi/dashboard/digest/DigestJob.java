package vn.hcmc.kpi.dashboard.digest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.hcmc.kpi.dashboard.alert.AlertEvaluator;
import vn.hcmc.kpi.dashboard.system.NotFoundException;
import vn.hcmc.kpi.dashboard.warehouse.Columns;

/**
 * The Monday digest: at {@code kpi.digest.cron} (Monday 07:00 Asia/Ho_Chi_Minh by default) each
 * recipient gets last week's digest, built under their own permissions ({@link DigestBuilder}). Alerts are
 * evaluated on the current version first, so the digest carries them. A recipient already sent the week
 * is skipped (a rerun sends only what failed); every outcome is logged ({@link DeliveryLog}).
 */
@Component
@EnableConfigurationProperties(DigestSettings.class)
public class DigestJob {

  private static final Logger LOG = LoggerFactory.getLogger(DigestJob.class);

  private final Recipients recipients;
  private final DigestBuilder builder;
  private final DigestMailer mailer;
  private final DeliveryLog log;
  private final AlertEvaluator alerts;
  private final DigestSettings settings;
  private final Clock clock;

  DigestJob(Recipients recipients, DigestBuilder builder, DigestMailer mailer, DeliveryLog log, AlertEvaluator alerts,
      DigestSettings settings, Clock clock) {
    this.recipients = recipients;
    this.builder = builder;
    this.mailer = mailer;
    this.log = log;
    this.alerts = alerts;
    this.settings = settings;
    this.clock = clock;
  }

  /** What one run did, per recipient. */
  public record Run(LocalDate weekStart, List<Delivery> deliveries) {

    public long count(Delivery.Status status) {
      return deliveries.stream().filter(d -> d.status() == status).count();
    }
  }

  @Scheduled(cron = "${kpi.digest.cron:0 0 7 * * MON}", zone = "${kpi.digest.zone:Asia/Ho_Chi_Minh}")
  void scheduled() {
    if (!settings.enabled()) {
      return;
    }
    try {
      send(lastWeek());
    } catch (RuntimeException e) {
      LOG.error("Monday digest run failed", e);
    }
  }

  /** The week before the one under way at the clock's time, in {@code kpi.digest.zone}. */
  public LocalDate lastWeek() {
    return LocalDate.now(clock.withZone(ZoneId.of(settings.zone()))).with(DayOfWeek.MONDAY).minusWeeks(1);
  }

  /** Sends every recipient's digest for the week (those not sent it before). */
  public Run send(LocalDate weekStart) {
    alerts.evaluateCurrent();
    List<Delivery> deliveries = new ArrayList<>();
    for (Recipient recipient : recipients.all()) {
      if (log.wasSent(recipient.username(), weekStart)) {
        continue;
      }
      Delivery delivery;
      try {
        delivery = mailer.send(builder.build(recipient, weekStart));
      } catch (NotFoundException e) {
        delivery = unsent(recipient, weekStart, Delivery.Status.NO_DATA, e.getMessage());
        LOG.warn("No digest for {} for the week of {}: no figures for the unit", recipient.username(), weekStart);
      } catch (RuntimeException e) {
        delivery = unsent(recipient, weekStart, Delivery.Status.FAILED, e.toString());
        LOG.error("Digest for {}, week {}, could not be built", recipient.username(), weekStart, e);
      }
      log.append(delivery);
      deliveries.add(delivery);
    }
    Run run = new Run(weekStart, deliveries);
    LOG.info("Monday digest for the week of {}: {} sent, {} failed, {} without data", weekStart,
        run.count(Delivery.Status.SENT), run.count(Delivery.Status.FAILED), run.count(Delivery.Status.NO_DATA));
    return run;
  }

  /**
   * Writes every recipient's digest into {@code folder} instead of sending it: {@code <user>.html} (the
   * body), the attachments ({@code <user>-<file>}) and {@code <user>.eml} (the whole message).
   */
  public Run writeTo(LocalDate weekStart, Path folder) {
    alerts.evaluateCurrent();
    List<Delivery> deliveries = new ArrayList<>();
    for (Recipient recipient : recipients.all()) {
      try {
        Digest digest = builder.build(recipient, weekStart);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(recipient.username() + ".html"), digest.html(), StandardCharsets.UTF_8);
        for (Digest.Attachment attachment : digest.attachments()) {
          Files.write(folder.resolve(recipient.username() + "-" + attachment.fileName()), attachment.content());
        }
        Path eml = folder.resolve(recipient.username() + ".eml");
        DigestMailer.write(mailer.message(digest), eml);
        deliveries.add(mailer.delivery(digest, Delivery.Status.WRITTEN, 0, null, eml.toString()));
      } catch (NotFoundException e) {
        deliveries.add(unsent(recipient, weekStart, Delivery.Status.NO_DATA, e.getMessage()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Run(weekStart, deliveries);
  }

  private Delivery unsent(Recipient recipient, LocalDate weekStart, Delivery.Status status, String error) {
    return new Delivery(OffsetDateTime.now(clock.withZone(Columns.LOCAL)), weekStart, recipient.username(),
        recipient.email(), null, status, 0, error, null);
  }
}
