package vn.hcmc.kpi.dashboard.dossier;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.hcmc.kpi.dashboard.dossier.DossierTimeline.Anomaly;
import vn.hcmc.kpi.dashboard.dossier.DossierTimeline.Event;
import vn.hcmc.kpi.dashboard.dossier.DossierTimeline.Facts;
import vn.hcmc.kpi.dashboard.dossier.DossierTimeline.Holding;
import vn.hcmc.kpi.dashboard.dossier.DossierTimeline.Pause;
import vn.hcmc.kpi.dashboard.officer.OfficerNames;
import vn.hcmc.kpi.dashboard.security.Viewer;
import vn.hcmc.kpi.dashboard.system.NotFoundException;
import vn.hcmc.kpi.dashboard.warehouse.AsOf;
import vn.hcmc.kpi.dashboard.warehouse.Columns;
import vn.hcmc.kpi.dashboard.warehouse.Warehouse.Snapshot;
import vn.hcmc.kpi.dashboard.ward.WardWeekTables;

/** Reads one dossier's timeline from {@code dossiers}, {@code events}, {@code tasks} and {@code data_quality}. */
final class DossierQueries {

  private DossierQueries() {
  }

  /**
   * Computed once per version, viewer role and unit, dossier and language (see {@link Snapshot#cached});
   * the scope check is made again on every call, cached or not.
   */
  static DossierTimeline timeline(Snapshot warehouse, OfficerNames officerNames, String dossierId, Locale locale,
      Explanation explanation) {
    Viewer viewer = Viewer.current();
    DossierTimeline timeline = warehouse.cached(Arrays.asList("dossier", viewer.role(), viewer.unit(), dossierId,
        locale.toLanguageTag()), () -> compute(warehouse, officerNames, dossierId, locale, explanation));
    viewer.requireUnit(timeline.dossier().wardCode());
    return timeline;
  }

  private static DossierTimeline compute(Snapshot warehouse, OfficerNames officerNames, String dossierId,
      Locale locale, Explanation explanation) {
    String nameColumn = "r." + WardWeekTables.procedureNameColumn(locale);
    // the one file of each table holding this dossier's rows, once the version's index is built
    Map<String, String> from = warehouse.dossierSources(dossierId);
    Facts facts = warehouse.queryFirst("""
        SELECT d.*, coalesce(u.name, d.ward_code) AS unit_name,
               coalesce(%s, r.name_vi, d.procedure_code) AS procedure_name
        FROM %s d LEFT JOIN units u ON u.unit_code = d.ward_code
        LEFT JOIN procedures r ON r.procedure_code = d.procedure_code
        WHERE d.dossier_id = ?""".formatted(nameColumn, from.get("dossiers")), row -> new Facts(row.getString("dossier_id"),
        row.getString("ward_code"), row.getString("unit_name"), row.getString("procedure_code"),
        row.getString("procedure_name"), row.getString("channel"), Columns.instant(row, "received_at"),
        Columns.date(row, "receipt_date"), Columns.date(row, "due_date"), row.getString("due_source"),
        row.getString("clock_rule"), Columns.instant(row, "ended_at"), Columns.instant(row, "adjusted_end_at"),
        row.getString("outcome"), row.getLong("paused_seconds"), row.getInt("supplement_count"),
        row.getBoolean("waiting_supplement"), row.getString("verdict"), Columns.instant(row, "became_overdue_at"),
        row.getString("holder_officer_id"), null, row.getString("late_officer_id"), null,
        row.getInt("integration_errors"), row.getInt("apologies"), Columns.date(row, "apology_due_date"),
        (Integer) row.getObject("resolution_days")), dossierId)
        .orElseThrow(() -> new NotFoundException("dossier.unknown", dossierId));
    // a leader sees the dossiers of their own unit only (403 for another unit's, whatever the id)
    Viewer.current().requireUnit(facts.wardCode());
    OfficerNames.Directory names = officerNames.ofUnit(warehouse, facts.wardCode());
    facts = new Facts(facts.dossierId(), facts.wardCode(), facts.unitName(), facts.procedureCode(),
        facts.procedureName(), facts.channel(), facts.receivedAt(), facts.receiptDate(), facts.dueDate(),
        facts.dueSource(), facts.clockRule(), facts.endedAt(), facts.adjustedEndAt(), facts.outcome(),
        facts.pausedSeconds(), facts.supplementCount(), facts.waitingSupplement(), facts.verdict(),
        facts.becameOverdueAt(), names.id(facts.holderOfficerId()), names.name(facts.holderOfficerId()),
        names.id(facts.lateOfficerId()), names.name(facts.lateOfficerId()), facts.integrationErrors(), facts.apologies(),
        facts.apologyDueDate(), facts.resolutionDays());

    List<Event> events = warehouse.query("""
        SELECT * FROM %s WHERE dossier_id = ? ORDER BY occurred_at, line""".formatted(from.get("events")), row -> new Event(
        Columns.instant(row, "occurred_at"), row.getString("event_type"), names.id(row.getString("officer_id")),
        names.name(row.getString("officer_id")), row.getString("step"), row.getString("channel"),
        Columns.instant(row, "due_at"), row.getString("detail"), row.getBoolean("after_hours"),
        fileName(row.getString("source")), Columns.nullableLong(row, "line")), dossierId);
    List<Holding> holders = warehouse.query("""
        SELECT * FROM %s WHERE dossier_id = ? ORDER BY started_at""".formatted(from.get("tasks")), row -> new Holding(
        names.id(row.getString("officer_id")), names.name(row.getString("officer_id")), row.getString("step"),
        Columns.instant(row, "started_at"), Columns.instant(row, "ended_at"),
        Columns.nullableDouble(row, "office_hours"), Columns.instant(row, "step_due_at"),
        row.getString("step_verdict")), dossierId);
    List<Anomaly> anomalies = warehouse.query("""
        SELECT code, detail FROM data_quality WHERE dossier_id = ? ORDER BY code""",
        row -> new Anomaly(row.getString(1), row.getString(2)), dossierId);
    Instant asOf = AsOf.of(warehouse);
    OffsetDateTime localAsOf = asOf.atZone(Columns.LOCAL).toOffsetDateTime();
    OffsetDateTime axisEnd = facts.endedAt() != null ? facts.endedAt() : localAsOf;
    return new DossierTimeline(warehouse.versionId(), localAsOf, facts, events, holders, pauses(events), anomalies,
        axisEnd, explanation.why(facts, localAsOf));
  }

  /**
   * Supplement pauses from the events: each SUPPLEMENT_REQUESTED opens one, the next SUPPLEMENT_RECEIVED
   * closes it; an end of processing closes one still open (as the clock does, docs/kpi-rules.md 5).
   */
  static List<Pause> pauses(List<Event> events) {
    List<Pause> pauses = new ArrayList<>();
    OffsetDateTime open = null;
    for (Event event : events) {
      switch (event.type()) {
        case "SUPPLEMENT_REQUESTED" -> {
          if (open == null) {
            open = event.occurredAt();
          }
        }
        case "SUPPLEMENT_RECEIVED", "COMPLETED", "REJECTED", "WITHDRAWN" -> {
          if (open != null) {
            pauses.add(new Pause(open, event.occurredAt()));
            open = null;
          }
        }
        default -> { }
      }
    }
    if (open != null) {
      pauses.add(new Pause(open, null));
    }
    return pauses;
  }

  /** Only the file name of an event's source (the full path says where the ETL ran, not useful here). */
  private static String fileName(String source) {
    if (source == null) {
      return null;
    }
    int slash = source.lastIndexOf('/');
    return slash < 0 ? source : source.substring(slash + 1);
  }
}
