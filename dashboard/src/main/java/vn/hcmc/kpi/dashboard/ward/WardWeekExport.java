package vn.hcmc.kpi.dashboard.ward;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import vn.hcmc.kpi.dashboard.export.ExportTable;
import vn.hcmc.kpi.dashboard.export.ExportTable.Builder;
import vn.hcmc.kpi.dashboard.export.ExportTable.Kind;
import vn.hcmc.kpi.dashboard.alert.Firing;
import vn.hcmc.kpi.dashboard.warehouse.Columns;
import vn.hcmc.kpi.dashboard.ward.WardWeekTables.AtRiskDossier;
import vn.hcmc.kpi.dashboard.ward.WardWeekTables.IntakeCell;
import vn.hcmc.kpi.dashboard.ward.WardWeekTables.OfficerRow;
import vn.hcmc.kpi.dashboard.ward.WardWeekTables.OverdueDossier;
import vn.hcmc.kpi.dashboard.ward.WardWeekTables.ProcedureRow;
import vn.hcmc.kpi.dashboard.ward.WardWeeklyReview.TrendPoint;

/** The ward weekly review as export tables (headers in the request's language, Vietnamese by default). */
public final class WardWeekExport {

  static final List<String> TABLES = List.of("headline", "trend", "officers", "procedures", "overdue", "atRisk",
      "alerts", "intake");

  private final MessageSource messages;
  private final Locale locale;

  public WardWeekExport(MessageSource messages, Locale locale) {
    this.messages = messages;
    this.locale = locale;
  }

  public List<ExportTable> tables(WardWeeklyReview review) {
    return List.of(headline(review), trend(review), officers(review), procedures(review), overdue(review),
        atRisk(review), alerts(review), intake(review));
  }

  private Builder table(String key) {
    return new Builder(key, text("export.sheet." + key));
  }

  private String text(String code) {
    return messages.getMessage(code, null, locale);
  }

  private ExportTable headline(WardWeeklyReview review) {
    WeekFigures w = review.week();
    Builder table = table("headline").column(text("col.unitCode"), Kind.TEXT).column(text("col.unitName"), Kind.TEXT)
        .column(text("col.weekStart"), Kind.DATE).column(text("col.partial"), Kind.BOOLEAN)
        .column(text("col.received"), Kind.COUNT).column(text("col.receivedOnline"), Kind.COUNT)
        .column(text("col.receivedCounter"), Kind.COUNT).column(text("col.receivedPost"), Kind.COUNT)
        .column(text("col.resolved"), Kind.COUNT).column(text("col.early"), Kind.COUNT)
        .column(text("col.onTime"), Kind.COUNT).column(text("col.late"), Kind.COUNT)
        .column(text("col.onTimeRate"), Kind.PERCENT).column(text("col.openEnd"), Kind.COUNT)
        .column(text("col.openOverdueEnd"), Kind.COUNT).column(text("col.overdueRate"), Kind.PERCENT)
        .column(text("col.progress766"), Kind.DECIMAL).column(text("col.activeOfficers"), Kind.COUNT)
        .column(text("col.resolvedPerOfficer"), Kind.DECIMAL).column(text("col.integrationErrors"), Kind.COUNT)
        .column(text("col.integrationErrorRate"), Kind.PERCENT).column(text("col.afterHoursShare"), Kind.PERCENT)
        .column(text("col.apologies"), Kind.COUNT);
    for (WeekFigures f : review.previousWeek() == null ? List.of(w) : List.of(w, review.previousWeek())) {
      table.row(review.unit().code(), review.unit().name(), f.weekStart(), f.partial(), f.received(),
          f.receivedOnline(), f.receivedCounter(), f.receivedPost(), f.resolved(), f.early(), f.onTime(), f.late(),
          f.onTimeRate(), f.openEnd(), f.openOverdueEnd(), f.overdueRate(), f.progress766(), f.activeOfficers(),
          f.resolvedPerOfficer(), f.integrationErrors(), f.integrationErrorRate(), f.afterHoursShare(),
          f.apologies());
    }
    return table.build();
  }

  private ExportTable trend(WardWeeklyReview review) {
    Builder table = table("trend").column(text("col.weekStart"), Kind.DATE).column(text("col.partial"), Kind.BOOLEAN)
        .column(text("col.received"), Kind.COUNT).column(text("col.resolved"), Kind.COUNT)
        .column(text("col.onTimeRate"), Kind.PERCENT).column(text("col.progress766"), Kind.DECIMAL);
    for (TrendPoint p : review.trend()) {
      table.row(p.weekStart(), p.partial(), p.received(), p.resolved(), p.onTimeRate(), p.progress766());
    }
    return table.build();
  }

  private ExportTable officers(WardWeeklyReview review) {
    Builder table = table("officers").column(text("col.officerId"), Kind.TEXT)
        .column(text("col.officerName"), Kind.TEXT).column(text("col.tasksStarted"), Kind.COUNT)
        .column(text("col.tasksCompleted"), Kind.COUNT).column(text("col.taskHoursMedian"), Kind.DECIMAL)
        .column(text("col.taskHoursP90"), Kind.DECIMAL).column(text("col.openTasksEnd"), Kind.COUNT)
        .column(text("col.overdueHeldEnd"), Kind.COUNT).column(text("col.lateAttributed"), Kind.COUNT)
        .column(text("col.supplementsRequested"), Kind.COUNT).column(text("col.afterHoursShare"), Kind.PERCENT)
        .column(text("col.workloadIndex"), Kind.DECIMAL);
    for (OfficerRow o : review.officers()) {
      table.row(o.officerId(), o.name(), o.tasksStarted(), o.tasksCompleted(), o.taskHoursMedian(),
          o.taskHoursP90(), o.openTasksEnd(), o.overdueHeldEnd(), o.lateAttributed(), o.supplementsRequested(),
          o.afterHoursShare(), o.workloadIndex());
    }
    return table.build();
  }

  private ExportTable procedures(WardWeeklyReview review) {
    Builder table = table("procedures").column(text("col.procedureCode"), Kind.TEXT)
        .column(text("col.procedureName"), Kind.TEXT).column(text("col.received"), Kind.COUNT)
        .column(text("col.resolved"), Kind.COUNT).column(text("col.early"), Kind.COUNT)
        .column(text("col.onTime"), Kind.COUNT).column(text("col.late"), Kind.COUNT)
        .column(text("col.onTimeRate"), Kind.PERCENT).column(text("col.openEnd"), Kind.COUNT)
        .column(text("col.openOverdueEnd"), Kind.COUNT).column(text("col.resolutionDaysMedian"), Kind.DECIMAL)
        .column(text("col.resolutionDaysP90"), Kind.DECIMAL).column(text("col.supplementRate"), Kind.PERCENT)
        .column(text("col.onlineShare"), Kind.PERCENT).column(text("col.withdrawn"), Kind.COUNT)
        .column(text("col.rejected"), Kind.COUNT);
    for (ProcedureRow p : review.procedures()) {
      table.row(p.procedureCode(), p.name(), p.received(), p.resolved(), p.early(), p.onTime(), p.late(),
          p.onTimeRate(), p.openEnd(), p.openOverdueEnd(), p.resolutionDaysMedian(), p.resolutionDaysP90(),
          p.supplementRate(), p.onlineShare(), p.withdrawn(), p.rejected());
    }
    return table.build();
  }

  private ExportTable overdue(WardWeeklyReview review) {
    Builder table = table("overdue").column(text("col.dossierId"), Kind.TEXT)
        .column(text("col.procedureCode"), Kind.TEXT).column(text("col.procedureName"), Kind.TEXT)
        .column(text("col.receivedAt"), Kind.DATE_TIME).column(text("col.dueDate"), Kind.DATE)
        .column(text("col.daysOverdue"), Kind.COUNT).column(text("col.holder"), Kind.TEXT)
        .column(text("col.officerName"), Kind.TEXT).column(text("col.waitingSupplement"), Kind.BOOLEAN)
        .column(text("col.supplementCount"), Kind.COUNT);
    for (OverdueDossier d : review.overdue()) {
      table.row(d.dossierId(), d.procedureCode(), d.procedureName(), d.receivedAt(), d.dueDate(), d.daysOverdue(),
          d.holderOfficerId(), d.holderName(), d.waitingSupplement(), (long) d.supplementCount());
    }
    return table.build();
  }

  private ExportTable atRisk(WardWeeklyReview review) {
    Builder table = table("atRisk").column(text("col.dossierId"), Kind.TEXT)
        .column(text("col.procedureCode"), Kind.TEXT).column(text("col.procedureName"), Kind.TEXT)
        .column(text("col.receivedAt"), Kind.DATE_TIME).column(text("col.dueDate"), Kind.DATE)
        .column(text("col.deadline"), Kind.DATE_TIME).column(text("col.holder"), Kind.TEXT)
        .column(text("col.officerName"), Kind.TEXT).column(text("col.supplementCount"), Kind.COUNT);
    for (AtRiskDossier d : review.atRisk()) {
      table.row(d.dossierId(), d.procedureCode(), d.procedureName(), d.receivedAt(), d.dueDate(), d.deadline(),
          d.holderOfficerId(), d.holderName(), (long) d.supplementCount());
    }
    return table.build();
  }

  private ExportTable alerts(WardWeeklyReview review) {
    Builder table = table("alerts").column(text("col.alertRule"), Kind.TEXT).column(text("col.kpi"), Kind.TEXT)
        .column(text("col.alertCondition"), Kind.TEXT).column(text("col.value"), Kind.DECIMAL)
        .column(text("col.previousValue"), Kind.DECIMAL).column(text("col.threshold"), Kind.DECIMAL)
        .column(text("col.firedAt"), Kind.DATE_TIME);
    for (Firing f : review.alerts()) {
      table.row(f.ruleId(), text("kpi." + f.kpi()), text("alert.condition." + f.condition()), f.value(), f.previous(),
          f.threshold(), f.firedAt() == null ? null : f.firedAt().atZoneSameInstant(Columns.LOCAL).toOffsetDateTime());
    }
    return table.build();
  }

  private ExportTable intake(WardWeeklyReview review) {
    Builder table = table("intake").column(text("col.weekday"), Kind.COUNT).column(text("col.hour"), Kind.COUNT)
        .column(text("col.received"), Kind.COUNT);
    for (IntakeCell c : review.intake()) {
      table.row((long) c.weekday(), (long) c.hour(), c.received());
    }
    return table.build();
  }
}
