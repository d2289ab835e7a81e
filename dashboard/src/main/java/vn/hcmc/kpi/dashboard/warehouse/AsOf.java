package vn.hcmc.kpi.dashboard.warehouse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import vn.hcmc.kpi.dashboard.warehouse.Warehouse.Snapshot;

/**
 * The as-of time of a published version (SPEC 5: verdicts of open dossiers are taken then), from
 * {@code runs}: the row of the run that published this version, else the latest run's.
 */
public final class AsOf {

  private AsOf() {
  }

  public static Instant of(Snapshot warehouse) {
    return warehouse.queryFirst("""
        SELECT as_of FROM runs ORDER BY (run_id = ?) DESC, finished_at DESC NULLS LAST LIMIT 1""",
        row -> row.getObject(1, OffsetDateTime.class), warehouse.versionId())
        .map(OffsetDateTime::toInstant)
        .orElseThrow(() -> new IllegalStateException("runs has no row in version " + warehouse.versionId()));
  }

  /**
   * The instant at which a week's open dossiers are judged: the week's end (Monday after, 00:00 local)
   * or the as-of time if that comes first (the week under way).
   */
  public static Instant judgedAt(Instant asOf, LocalDate weekStart) {
    Instant weekEnd = weekStart.plusWeeks(1).atStartOfDay(Columns.LOCAL).toInstant();
    return asOf.isBefore(weekEnd) ? asOf : weekEnd;
  }
}
