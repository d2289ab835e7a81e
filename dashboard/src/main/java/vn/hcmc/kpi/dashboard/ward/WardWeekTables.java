package vn.hcmc.kpi.dashboard.ward;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import vn.hcmc.kpi.dashboard.officer.OfficerNames;
import vn.hcmc.kpi.dashboard.warehouse.Columns;
import vn.hcmc.kpi.dashboard.warehouse.Warehouse.Snapshot;

/**
 * The tables of the ward weekly review below the headline: officers, procedures, overdue dossiers and
 * the weekday × hour intake. All read within the caller's snapshot.
 */
public final class WardWeekTables {

  private WardWeekTables() {
  }

  /** One officer's week ({@code officer_weekly}); the name comes from {@code OfficerNames}. */
  public record OfficerRow(String officerId, String name, long tasksStarted, long tasksCompleted,
      Double taskHoursMedian, Double taskHoursP90, long openTasksEnd, long overdueHeldEnd, long lateAttributed,
      long supplementsRequested, Double afterHoursShare, Double workloadIndex) {
  }

  /** One procedure's week ({@code procedure_weekly}). */
  public record ProcedureRow(String procedureCode, String name, long received, long resolved, long early,
      long onTime, long late, Double onTimeRate, long openEnd, long openOverdueEnd, Double resolutionDaysMedian,
      Double resolutionDaysP90, Double supplementRate, Double onlineShare, long withdrawn, long rejected) {
  }

  /**
   * A dossier open and overdue at the end of the week (or at the as-of time for the week under way).
   * {@code daysOverdue} is in calendar days: the time from {@code became_overdue_at} (00:00 after the
   * due date, moved by earlier pauses, or the second supplement request) to that instant, rounded up,
   * at least 1. Counting from {@code became_overdue_at} rather than the due date keeps pauses out and
   * gives dossiers made late by a second supplement request a positive count.
   * {@code holderOfficerId} is who held it then (null when nobody did, e.g. online and not yet assigned).
   */
  public record OverdueDossier(String dossierId, String procedureCode, String procedureName,
      OffsetDateTime receivedAt, LocalDate dueDate, long daysOverdue, String holderOfficerId, String holderName,
      boolean waitingSupplement, int supplementCount) {
  }

  /**
   * A dossier at risk (sắp trễ) at an instant T: open and not overdue at T, not waiting for the citizen's
   * supplement, and due by the end of the next working day after T's day ({@code dueBy}): its
   * {@code deadline} (00:00 after the due date, moved by the pauses closed before T, as the ETL moves
   * {@code became_overdue_at}) is at or before 00:00 after {@code dueBy}. {@code holderOfficerId} is who
   * holds it at T (null when nobody does).
   */
  public record AtRiskDossier(String dossierId, String procedureCode, String procedureName,
      OffsetDateTime receivedAt, LocalDate dueDate, OffsetDateTime deadline, String holderOfficerId,
      String holderName, int supplementCount) {
  }

  /** Dossiers received in one hour of one weekday (1 = Monday) of the week. */
  public record IntakeCell(int weekday, int hour, long received) {
  }

  public static List<OfficerRow> officers(Snapshot warehouse, OfficerNames.Directory names, String wardCode,
      LocalDate weekStart) {
    return warehouse.query("""
        SELECT * FROM officer_weekly WHERE ward_code = ? AND week_start = ?
        ORDER BY tasks_completed DESC, officer_id""", row -> new OfficerRow(names.id(row.getString("officer_id")),
        names.name(row.getString("officer_id")), row.getLong("tasks_started"), row.getLong("tasks_completed"),
        Columns.nullableDouble(row, "task_hours_median"), Columns.nullableDouble(row, "task_hours_p90"),
        row.getLong("open_tasks_end"), row.getLong("overdue_held_end"), row.getLong("late_attributed"),
        row.getLong("supplements_requested"), Columns.nullableDouble(row, "after_hours_share"),
        Columns.nullableDouble(row, "workload_index")), wardCode, weekStart);
  }

  /** Late first: the procedures a leader must look at come at the top. */
  public static List<ProcedureRow> procedures(Snapshot warehouse, String wardCode, LocalDate weekStart,
      Locale locale) {
    String name = procedureNameColumn(locale);
    return warehouse.query("""
        SELECT p.*, coalesce(%s, r.name_vi, p.procedure_code) AS procedure_name
        FROM procedure_weekly p LEFT JOIN procedures r USING (procedure_code)
        WHERE p.ward_code = ? AND p.week_start = ?
        ORDER BY p.late DESC, p.open_overdue_end DESC, p.on_time_rate ASC NULLS LAST, p.received DESC,
                 p.procedure_code""".formatted("r." + name),
        row -> new ProcedureRow(row.getString("procedure_code"), row.getString("procedure_name"),
            row.getLong("received"), row.getLong("resolved"), row.getLong("early"), row.getLong("on_time"),
            row.getLong("late"), Columns.nullableDouble(row, "on_time_rate"), row.getLong("open_end"),
            row.getLong("open_overdue_end"), Columns.nullableDouble(row, "resolution_days_median"),
            Columns.nullableDouble(row, "resolution_days_p90"), Columns.nullableDouble(row, "supplement_rate"),
            Columns.nullableDouble(row, "online_share"), row.getLong("withdrawn"), row.getLong("rejected")),
        wardCode, weekStart);
  }

  /**
   * Dossiers open and overdue at {@code at} (the week's end, or the as-of time when that comes first):
   * received before it, not ended by it, and overdue since {@code became_overdue_at} at or before it.
   * The holder is the officer whose task spans that instant. Most overdue first. Reads the
   * {@link #OVERDUE_TABLES} once they are built, not {@code dossiers}, {@code tasks} and {@code events}.
   */
  public static List<OverdueDossier> overdue(Snapshot warehouse, OfficerNames.Directory names, String wardCode,
      Instant at, Locale locale) {
    OffsetDateTime instant = at.atZone(Columns.LOCAL).toOffsetDateTime();
    // the same query on the full tables until the version's overdue tables are built (same rows: they
    // hold every dossier, task and supplement event the query can reach)
    boolean derived = warehouse.derived(OVERDUE, OVERDUE_TABLES);
    return warehouse.query("""
        SELECT d.dossier_id, d.procedure_code, coalesce(%s, r.name_vi, d.procedure_code) AS procedure_name,
               d.received_at, d.due_date, d.supplement_count,
               greatest(1, CAST(ceil((epoch($1) - epoch(d.became_overdue_at)) / 86400) AS BIGINT)) AS days_overdue,
               %s AS holder, %s AS waiting
        FROM %s d LEFT JOIN procedures r USING (procedure_code)
        WHERE d.ward_code = $2 AND d.received_at <= $1 AND (d.ended_at IS NULL OR d.ended_at > $1)
          AND d.became_overdue_at IS NOT NULL AND d.became_overdue_at <= $1
        ORDER BY d.due_date, d.received_at, d.dossier_id""".formatted("r." + procedureNameColumn(locale),
            holderAt1(derived ? "_overdue_tasks" : "tasks"), waitingAt1(derived ? "_overdue_supplements" : "events"),
            derived ? "_overdue_dossiers" : "dossiers"),
        row -> {
          String holder = row.getString("holder");
          return new OverdueDossier(row.getString("dossier_id"), row.getString("procedure_code"),
              row.getString("procedure_name"), Columns.instant(row, "received_at"), Columns.date(row, "due_date"),
              row.getLong("days_overdue"), names.id(holder), names.name(holder),
              row.getBoolean("waiting"), row.getInt("supplement_count"));
        }, instant, wardCode);
  }

  /**
   * What the overdue list reads, kept in memory per version: the dossiers that ever became overdue (a
   * few percent of all), their task intervals and their supplement events, built in the background on
   * first use per version. Without it every ward review
   * scanned the whole {@code tasks} and {@code events} tables (Parquet files not clustered by unit or
   * dossier), which took most of its time: measured with {@code kpi bench --load}, see the README.
   */
  static final String OVERDUE = "overdue";

  static final List<String> OVERDUE_TABLES = List.of(
      "CREATE OR REPLACE TABLE _overdue_dossiers AS SELECT * FROM dossiers WHERE became_overdue_at IS NOT NULL",
      "CREATE OR REPLACE TABLE _overdue_tasks AS SELECT dossier_id, officer_id, started_at, ended_at FROM tasks "
          + "WHERE dossier_id IN (SELECT dossier_id FROM _overdue_dossiers)",
      "CREATE OR REPLACE TABLE _overdue_supplements AS SELECT dossier_id, event_type, occurred_at FROM events "
          + "WHERE event_type IN ('SUPPLEMENT_REQUESTED', 'SUPPLEMENT_RECEIVED') "
          + "AND dossier_id IN (SELECT dossier_id FROM _overdue_dossiers)");
  /**
   * The dossiers that ever became overdue: the version's in-memory {@code _overdue_dossiers} once built
   * (starting the build if need be), else {@code dossiers} (read with {@code became_overdue_at IS NOT NULL}
   * or a condition implying it, e.g. a late officer, the holder when it became overdue).
   */
  public static String everOverdueDossiers(Snapshot warehouse) {
    return warehouse.derived(OVERDUE, OVERDUE_TABLES) ? "_overdue_dossiers" : "dossiers";
  }

  /**
   * The officer whose task ({@code tasks} or a subset of it) spans the instant {@code $1}, for a dossier
   * {@code d} of unit {@code $2}. On {@code tasks} itself the lookup is also limited to the unit's rows
   * (a task's {@code ward_code} is its dossier's): DuckDB then skips the row groups of other units, where
   * the correlated lookup otherwise read all of {@code tasks} (0.8-1.6 s on a year, 0.17 s with it).
   */
  private static String holderAt1(String tasks) {
    return """
        (SELECT t.officer_id FROM %s t
          WHERE %s t.dossier_id = d.dossier_id AND t.started_at <= $1 AND (t.ended_at IS NULL OR t.ended_at > $1)
          ORDER BY t.started_at DESC LIMIT 1)""".formatted(tasks, tasks.equals("tasks") ? "t.ward_code = $2 AND" : "");
  }

  /**
   * Dossier {@code d} waits for a supplement at {@code $1}: requested, and nothing received since
   * ({@code events} or a subset of it holding the dossier's supplement events).
   */
  private static String waitingAt1(String events) {
    return """
        EXISTS (SELECT 1 FROM %1$s e
          WHERE e.dossier_id = d.dossier_id AND e.event_type = 'SUPPLEMENT_REQUESTED' AND e.occurred_at <= $1
            AND NOT EXISTS (SELECT 1 FROM %1$s s WHERE s.dossier_id = d.dossier_id
              AND s.event_type = 'SUPPLEMENT_RECEIVED' AND s.occurred_at > e.occurred_at AND s.occurred_at <= $1))"""
        .formatted(events);
  }

  /**
   * Dossiers at risk at {@code at} ({@link AtRiskDossier}), the soonest deadline first. {@code dueBy} is
   * the next working day after {@code at}'s day in the unit's calendar.
   */
  public static List<AtRiskDossier> atRisk(Snapshot warehouse, OfficerNames.Directory names, String wardCode,
      Instant at, LocalDate dueBy, Locale locale) {
    OffsetDateTime instant = at.atZone(Columns.LOCAL).toOffsetDateTime();
    return warehouse.query("""
        WITH unit_pauses AS (SELECT * FROM pauses WHERE ward_code = $2 AND requested_at <= $1),
        paused AS (SELECT dossier_id, sum(counted_seconds) FILTER (WHERE closed_at <= $1) AS seconds,
                          bool_or(received_at IS NULL OR received_at > $1) AS waiting
                   FROM unit_pauses GROUP BY dossier_id),
        due AS (SELECT d.*, CAST(d.due_date + INTERVAL 1 DAY AS TIMESTAMPTZ)
                               + to_seconds(CAST(coalesce(p.seconds, 0) AS BIGINT)) AS deadline
                FROM dossiers d LEFT JOIN paused p USING (dossier_id)
                WHERE d.ward_code = $2 AND d.received_at <= $1 AND (d.ended_at IS NULL OR d.ended_at > $1)
                  AND d.due_date IS NOT NULL AND d.due_date <= $3
                  AND (d.became_overdue_at IS NULL OR d.became_overdue_at > $1) AND NOT coalesce(p.waiting, false))
        SELECT d.dossier_id, d.procedure_code, coalesce(%s, r.name_vi, d.procedure_code) AS procedure_name,
               d.received_at, d.due_date, d.deadline, d.supplement_count, %s AS holder
        FROM due d LEFT JOIN procedures r USING (procedure_code)
        WHERE d.deadline > $1 AND d.deadline <= CAST($3 + INTERVAL 1 DAY AS TIMESTAMPTZ)
        ORDER BY d.deadline, d.received_at, d.dossier_id""".formatted("r." + procedureNameColumn(locale), holderAt1("tasks")),
        row -> {
          String holder = row.getString("holder");
          return new AtRiskDossier(row.getString("dossier_id"), row.getString("procedure_code"),
              row.getString("procedure_name"), Columns.instant(row, "received_at"), Columns.date(row, "due_date"),
              Columns.instant(row, "deadline"), names.id(holder), names.name(holder), row.getInt("supplement_count"));
        }, instant, wardCode, dueBy);
  }

  /** All 7 × 24 cells, zero where nothing was received. */
  public static List<IntakeCell> intake(Snapshot warehouse, String wardCode, LocalDate weekStart) {
    return warehouse.query("""
        SELECT d.weekday, h.hour, coalesce(CAST(sum(w.received) AS BIGINT), 0) AS received
        FROM range(1, 8) d(weekday) CROSS JOIN range(0, 24) h(hour)
        LEFT JOIN ward_hourly w ON w.weekday = d.weekday AND w.hour = h.hour
             AND w.ward_code = ? AND w.week_start = ?
        GROUP BY 1, 2 ORDER BY 1, 2""",
        row -> new IntakeCell(row.getInt(1), row.getInt(2), row.getLong(3)), wardCode, weekStart);
  }

  /** The column of {@code procedures} with the name in the request's language. */
  public static String procedureNameColumn(Locale locale) {
    return "en".equals(locale.getLanguage()) ? "name_en" : "name_vi";
  }
}
