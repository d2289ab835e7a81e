package vn.hcmc.kpi.dashboard.dossier;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import vn.hcmc.kpi.dashboard.dossier.DossierTimeline.Facts;
import vn.hcmc.kpi.dashboard.system.FigureFormat;

/**
 * Why a dossier has its verdict, in sentences a ward leader can check against docs/kpi-rules.md: the
 * due date and where it came from, the end adjusted for pauses, the second-supplement rule, apologies
 * and who the lateness is attributed to. Built from the ETL's columns only; it does not recompute.
 */
final class Explanation {

  private final MessageSource messages;
  private final Locale locale;
  private final FigureFormat figures = new FigureFormat();

  Explanation(MessageSource messages, Locale locale) {
    this.messages = messages;
    this.locale = locale;
  }

  List<String> why(Facts d, OffsetDateTime asOf) {
    List<String> why = new ArrayList<>();
    if (d.dueDate() == null) {
      why.add(text("why.noDeadline"));
    } else {
      why.add(text("why.due." + (d.dueSource() == null ? "UNKNOWN" : d.dueSource()), figures.date(d.dueDate()),
          figures.date(d.receiptDate())));
    }
    if ("RESTART".equals(d.clockRule()) && d.supplementCount() > 0) {
      why.add(text("why.restart"));
    } else if (d.pausedSeconds() > 0) {
      why.add(text("why.paused", hours(d.pausedSeconds())));
    }
    String verdict = d.verdict() == null ? "NONE" : d.verdict();
    switch (verdict) {
      case "EARLY", "ON_TIME", "LATE" -> why.add(text("why.resolved." + verdict, figures.dateTime(d.endedAt()),
          figures.dateTime(d.adjustedEndAt()), figures.date(d.dueDate())));
      case "OPEN_OVERDUE" -> why.add(text("why.openOverdue", figures.dateTime(asOf),
          figures.dateTime(d.becameOverdueAt())));
      case "OPEN_IN_TIME" -> why.add(text("why.openInTime", figures.dateTime(asOf), figures.date(d.dueDate())));
      case "WITHDRAWN" -> why.add(text("why.withdrawn", figures.dateTime(d.endedAt())));
      default -> why.add(text("why.unjudged"));
    }
    if (d.supplementCount() > 1) {
      why.add(text("why.secondSupplement", d.supplementCount()));
    }
    if (d.waitingSupplement()) {
      why.add(text("why.waiting"));
    }
    if (d.apologies() > 0) {
      why.add(text("why.apology", d.apologies(), figures.date(d.apologyDueDate())));
    }
    if (d.lateOfficerId() != null) {
      why.add(text("why.lateOfficer", officer(d.lateOfficerId(), d.lateOfficerName()),
          figures.dateTime(d.becameOverdueAt())));
    } else if (d.becameOverdueAt() != null) {
      why.add(text("why.lateNobody", figures.dateTime(d.becameOverdueAt())));
    }
    return why;
  }

  private String hours(long seconds) {
    return FigureFormat.decimal(Duration.ofSeconds(seconds).toMinutes() / 60.0, 1, locale);
  }

  private static String officer(String id, String name) {
    return name == null ? id : id + " – " + name;
  }

  private String text(String code, Object... args) {
    return messages.getMessage(code, args, code, locale);
  }
}
