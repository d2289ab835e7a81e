package vn.hcmc.kpi.etl.job;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import vn.hcmc.kpi.etl.dossier.DossierFacts;
import vn.hcmc.kpi.etl.dossier.FoldResult;
import vn.hcmc.kpi.etl.dossier.Weeks;
import vn.hcmc.kpi.etl.ingest.Reject;
import vn.hcmc.kpi.etl.model.Channel;
import vn.hcmc.kpi.etl.model.EventType;
import vn.hcmc.kpi.etl.model.LogEvent;

/**
 * Spark schemas of the job's intermediate and output rows, and the conversions from the plain-Java
 * clock's records. Column names here are the warehouse contract (SPEC 5): add, never rename.
 */
final class Rows {
  private Rows() {}

  static StructField f(String name, org.apache.spark.sql.types.DataType type) {
    return DataTypes.createStructField(name, type, true);
  }

  static StructType struct(StructField... fields) { return DataTypes.createStructType(fields); }

  /** A refused row as the rejects table holds it (run_id is added when the table is written). */
  static final StructType REJECT = struct(f("source", StringType), f("line", LongType), f("raw", StringType),
      f("reason", StringType), f("message", StringType));

  static Object[] rejectValues(Reject r) {
    return new Object[] {r.source(), r.line(), r.raw(), r.reason().name(), r.message()};
  }

  /** An accepted row as read, the fold's input: the incremental state keeps these for dossiers with duplicates. */
  static final StructType ACCEPTED_ROW = struct(
      f("source", StringType), f("line", LongType), f("event_id", StringType), f("dossier_id", StringType),
      f("ward_code", StringType), f("procedure_code", StringType), f("event_type", StringType),
      f("occurred_at", TimestampType), f("officer_id", StringType), f("step", StringType), f("channel", StringType),
      f("due_at", TimestampType), f("detail", StringType));

  /** The column names of {@link #ACCEPTED_ROW}. */
  static final String[] ACCEPTED = ACCEPTED_ROW.fieldNames();

  /** The clock's event as an accepted row (columns {@link #ACCEPTED}). */
  static Row accepted(LogEvent e) {
    return RowFactory.create(e.source(), e.line(), e.eventId(), e.dossierId(), e.wardCode(), e.procedureCode(),
        e.type().name(), e.occurredAt(), e.officerId(), e.step(), e.channel() == null ? null : e.channel().name(),
        e.dueAt(), e.detail());
  }

  /** An accepted row (columns {@link #ACCEPTED}) as the clock's event. */
  static LogEvent event(Row r) {
    String channel = r.getString(10);
    return new LogEvent(r.getString(2), r.getString(3), r.getString(4), r.getString(5),
        EventType.valueOf(r.getString(6)), r.getAs(7), r.getString(8), r.getString(9),
        channel == null ? null : Channel.valueOf(channel), r.getAs(11), r.getString(12), r.getString(0), r.getLong(1));
  }

  static final StructType EVENT = struct(
      f("event_id", StringType), f("dossier_id", StringType), f("ward_code", StringType),
      f("procedure_code", StringType), f("event_type", StringType), f("occurred_at", TimestampType),
      f("officer_id", StringType), f("step", StringType), f("channel", StringType), f("due_at", TimestampType),
      f("detail", StringType), f("source", StringType), f("line", LongType), f("after_hours", BooleanType),
      f("week_start", DateType));

  static final StructType DOSSIER = struct(
      f("dossier_id", StringType), f("ward_code", StringType), f("procedure_code", StringType),
      f("channel", StringType), f("received_at", TimestampType), f("receipt_date", DateType),
      f("due_date", DateType), f("ended_at", TimestampType), f("outcome", StringType),
      f("paused_seconds", LongType), f("supplement_count", IntegerType), f("waiting_supplement", BooleanType),
      f("verdict", StringType), f("holder_officer_id", StringType), f("integration_errors", IntegerType),
      f("apologies", IntegerType), f("apology_due_date", DateType), f("adjusted_end_at", TimestampType),
      f("resolution_days", IntegerType), f("clock_rule", StringType), f("due_source", StringType),
      f("became_overdue_at", TimestampType), f("late_officer_id", StringType), f("events", IntegerType));

  static final StructType TASK = struct(
      f("ward_code", StringType), f("dossier_id", StringType), f("officer_id", StringType), f("step", StringType),
      f("started_at", TimestampType), f("ended_at", TimestampType), f("office_hours", DoubleType),
      f("step_due_at", TimestampType), f("step_verdict", StringType));

  static final StructType PAUSE = struct(
      f("ward_code", StringType), f("dossier_id", StringType), f("requested_at", TimestampType),
      f("received_at", TimestampType), f("closed_at", TimestampType), f("counted_seconds", LongType));

  static final StructType ANOMALY = struct(
      f("dossier_id", StringType), f("ward_code", StringType), f("code", StringType), f("detail", StringType));

  static final StructType WEEK_FACT = struct(
      f("ward_code", StringType), f("procedure_code", StringType), f("week_start", DateType),
      f("received", IntegerType), f("received_online", IntegerType), f("received_counter", IntegerType),
      f("received_post", IntegerType), f("received_with_integration_error", IntegerType),
      f("resolved", IntegerType), f("early", IntegerType), f("on_time", IntegerType), f("late", IntegerType),
      f("withdrawn", IntegerType), f("rejected", IntegerType), f("no_deadline", IntegerType),
      f("open_end", IntegerType), f("open_overdue_end", IntegerType), f("resolution_days", IntegerType),
      f("resolved_with_supplement", IntegerType), f("integration_errors", IntegerType), f("apologies", IntegerType),
      f("officer_events", IntegerType), f("after_hours_events", IntegerType));

  static final StructType OFFICER_FACT = struct(
      f("ward_code", StringType), f("officer_id", StringType), f("week_start", DateType),
      f("tasks_started", IntegerType), f("tasks_completed", IntegerType), f("completed_task_hours", DoubleType),
      f("open_tasks_end", IntegerType), f("overdue_held_end", IntegerType), f("late_attributed", IntegerType),
      f("supplements_requested", IntegerType), f("events", IntegerType), f("after_hours_events", IntegerType));

  /**
   * One row when the dossier's events table rows show an inherited procedure code: flags, one character per
   * event of the EVENTS section in its order, '1' where the log had no procedure code. An incremental run
   * refolds from the fold output and needs the events as read (IncrementalJob).
   */
  static final StructType INHERITED = struct(f("flags", StringType));

  /** The values of one section of a dossier's fold output, in the section's schema order. */
  static List<Object[]> values(FoldResult r, FoldCodec.Section section) {
    DossierFacts d = r.facts();
    return switch (section) {
      case FACTS -> d == null ? List.of() : List.<Object[]>of(new Object[] {d.dossierId(), d.wardCode(),
          d.procedureCode(), d.channel(), d.receivedAt(), d.receiptDate(), d.dueDate(), d.endedAt(), d.outcome(),
          d.pausedSeconds(), d.supplementCount(), d.waitingSupplement(), d.verdict().name(), d.holderOfficerId(),
          d.integrationErrors(), d.apologies(), d.apologyDueDate(), d.adjustedEndAt(), d.resolutionDays(),
          d.clockRule(), d.dueSource(), d.becameOverdueAt(), d.lateOfficerId(), d.events()});
      case EVENTS -> {
        // an event without a procedure code takes its dossier's
        String inherited = d == null ? null : d.procedureCode();
        List<Object[]> events = new ArrayList<>(r.events().size());
        for (int i = 0; i < r.events().size(); i++) {
          LogEvent e = r.events().get(i);
          events.add(new Object[] {e.eventId(), e.dossierId(), e.wardCode(),
              e.procedureCode() != null ? e.procedureCode() : inherited, e.type().name(), e.occurredAt(),
              e.officerId(), e.step(), e.channel() == null ? null : e.channel().name(), e.dueAt(), e.detail(),
              e.source(), e.line(), r.eventAfterHours().get(i), Weeks.weekStart(e.occurredAt())});
        }
        yield events;
      }
      case TASKS -> map(r.tasks(), t -> new Object[] {t.wardCode(), t.dossierId(), t.officerId(), t.step(),
          t.startedAt(), t.endedAt(), t.officeHours(), t.stepDueAt(), t.stepVerdict()});
      case PAUSES -> map(r.pauses(), p -> new Object[] {p.wardCode(), p.dossierId(), p.requestedAt(),
          p.receivedAt(), p.closedAt(), p.countedSeconds()});
      case ANOMALIES -> map(r.anomalies(), a -> new Object[] {a.dossierId(), a.wardCode(), a.code(), a.detail()});
      case WEEKS -> map(r.weeks(), w -> new Object[] {w.wardCode(), w.procedureCode(), w.weekStart(),
          w.received(), w.receivedOnline(), w.receivedCounter(), w.receivedPost(), w.receivedWithIntegrationError(),
          w.resolved(), w.early(), w.onTime(), w.late(), w.withdrawn(), w.rejected(), w.noDeadline(), w.openEnd(),
          w.openOverdueEnd(), w.resolutionDays(), w.resolvedWithSupplement(), w.integrationErrors(), w.apologies(),
          w.officerEvents(), w.afterHoursEvents()});
      case REJECTS -> List.of();
      case OFFICERS -> map(r.officers(), o -> new Object[] {o.wardCode(), o.officerId(), o.weekStart(),
          o.tasksStarted(), o.tasksCompleted(), o.completedTaskHours(), o.openTasksEnd(), o.overdueHeldEnd(),
          o.lateAttributed(), o.supplementsRequested(), o.events(), o.afterHoursEvents()});
      case INHERITED -> {
        if (d == null || d.procedureCode() == null) yield List.of();
        char[] flags = new char[r.events().size()];
        boolean any = false;
        for (int i = 0; i < flags.length; i++) {
          boolean inherited = r.events().get(i).procedureCode() == null;
          flags[i] = inherited ? '1' : '0';
          any |= inherited;
        }
        yield any ? List.<Object[]>of(new Object[] {new String(flags)}) : List.of();
      }
    };
  }

  private static <T> List<Object[]> map(List<T> items, Function<T, Object[]> f) {
    List<Object[]> rows = new ArrayList<>(items.size());
    for (T t : items) rows.add(f.apply(t));
    return rows;
  }

  static Instant instant(Row r, String col) { return r.getAs(col); }
}
