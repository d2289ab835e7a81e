package vn.hcmc.kpi.dashboard.digest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

import vn.hcmc.kpi.dashboard.targets.Kpi;
import vn.hcmc.kpi.dashboard.targets.KpiText;
import vn.hcmc.kpi.dashboard.targets.Status;
import vn.hcmc.kpi.dashboard.targets.TargetStatus;
import vn.hcmc.kpi.dashboard.targets.Targets;
import vn.hcmc.kpi.dashboard.system.FigureFormat;
import vn.hcmc.kpi.dashboard.ward.WardWeeklyReview;
import vn.hcmc.kpi.dashboard.ward.WeekFigures;

/** The headline table of a ward digest: each figure this week and last, with its target and status. */
final class DigestLines {

  /** One row: formatted values, the target in words ("≥ 95,0 %"), the 766 points if scored. */
  record Line(String label, String value, String previous, Status status, String target, String score) {
  }

  private DigestLines() {
  }

  static List<Line> headline(WardWeeklyReview review, KpiText text, FigureFormat figures, MessageSource messages,
      Locale locale) {
    Map<String, TargetStatus> statuses = new LinkedHashMap<>();
    review.targets().forEach(status -> statuses.put(status.kpi(), status));
    WeekFigures week = review.week();
    WeekFigures previous = review.previousWeek();
    List<Line> lines = new ArrayList<>();
    lines.add(count(messages.getMessage("review.received", null, locale), week.received(),
        previous == null ? null : previous.received(), figures));
    lines.add(count(messages.getMessage("review.resolved", null, locale), week.resolved(),
        previous == null ? null : previous.resolved(), figures));
    lines.add(count(messages.getMessage("review.openEnd", null, locale), week.openEnd(),
        previous == null ? null : previous.openEnd(), figures));
    for (Kpi kpi : new Kpi[] {Kpi.ON_TIME_RATE, Kpi.OPEN_OVERDUE_END, Kpi.PROGRESS_766}) {
      lines.add(kpi(kpi, review, statuses.remove(kpi.key()), text));
    }
    for (TargetStatus rest : statuses.values()) {
      lines.add(kpi(Targets.byKeyName(rest.kpi()), review, rest, text));
    }
    return lines;
  }

  private static Line count(String label, long value, Long previous, FigureFormat figures) {
    return new Line(label, figures.count(value), previous == null ? FigureFormat.MISSING : figures.count(previous),
        Status.NONE, "", "");
  }

  private static Line kpi(Kpi kpi, WardWeeklyReview review, TargetStatus status, KpiText text) {
    return new Line(text.name(kpi.key()), text.value(kpi, kpi.of(review.week())),
        review.previousWeek() == null ? FigureFormat.MISSING : text.value(kpi, kpi.of(review.previousWeek())),
        status == null ? Status.NONE : status.status(), status == null ? "" : text.target(status),
        status == null ? "" : text.score(status));
  }
}
