package vn.hcmc.kpi.dashboard.quality;

import java.util.Arrays;
import java.util.List;

import vn.hcmc.kpi.dashboard.quality.QualityReport.Anomaly;
import vn.hcmc.kpi.dashboard.quality.QualityReport.Count;
import vn.hcmc.kpi.dashboard.quality.QualityReport.Reject;
import vn.hcmc.kpi.dashboard.quality.QualityReport.Run;
import vn.hcmc.kpi.dashboard.quality.QualityReport.UnitCount;
import vn.hcmc.kpi.dashboard.security.Viewer;
import vn.hcmc.kpi.dashboard.warehouse.Columns;
import vn.hcmc.kpi.dashboard.warehouse.Warehouse.Snapshot;

/** Reads the data-quality view from {@code runs}, {@code rejects} and {@code data_quality}. */
public final class QualityQueries {

  static final int SAMPLE = 200;

  private QualityQueries() {
  }

  /**
   * Scoped to the signed-in viewer: the raw text of rejected lines (which may carry officer ids and
   * names) only for admins; a ward leader gets the anomaly samples (dossier ids) of their own unit only.
   * Counts by reason, file, code and unit are aggregates and stay.
   */
  public static QualityReport report(Snapshot warehouse) {
    Viewer viewer = Viewer.current();
    // once per version, viewer role and unit (see Snapshot.cached)
    return warehouse.cached(Arrays.asList("quality", viewer.role(), viewer.unit()), () -> compute(warehouse, viewer));
  }

  private static QualityReport compute(Snapshot warehouse, Viewer viewer) {
    List<Run> runs = warehouse.query("""
        SELECT r.*, (SELECT count(*) FROM rejects x WHERE x.run_id = r.run_id) AS reject_rows
        FROM runs r ORDER BY r.started_at DESC""", row -> {
          Long read = Columns.nullableLong(row, "rows_read");
          Long accepted = Columns.nullableLong(row, "accepted");
          Long rejected = Columns.nullableLong(row, "rejected");
          Long duplicates = Columns.nullableLong(row, "duplicates");
          boolean balanced = read != null && accepted != null && rejected != null && duplicates != null
              && read == accepted + rejected + duplicates;
          return new Run(row.getString("run_id"), Columns.instant(row, "started_at"),
              Columns.instant(row, "finished_at"), Columns.instant(row, "as_of"), row.getString("inputs"), read,
              accepted, rejected, duplicates, row.getString("status"), Columns.nullableLong(row, "dossiers"),
              Columns.nullableLong(row, "files"), balanced, row.getLong("reject_rows"));
        });
    List<Count> byReason = counts("SELECT coalesce(reason, '?'), count(*) FROM rejects GROUP BY 1 ORDER BY 2 DESC, 1",
        warehouse);
    // only the file name: the full path says where the ETL ran
    List<Count> bySource = counts("""
        SELECT coalesce(regexp_extract(source, '[^/]*$'), '?'), count(*) FROM rejects GROUP BY 1 ORDER BY 2 DESC, 1""",
        warehouse);
    List<Reject> rejects = warehouse.query("""
        SELECT regexp_extract(source, '[^/]*$') AS source, line, reason, message, left(raw, 300) AS raw
        FROM rejects ORDER BY source, line LIMIT %d""".formatted(SAMPLE), row -> new Reject(row.getString(1),
        Columns.nullableLong(row, "line"), row.getString(3), row.getString(4),
        viewer.seesRawInput() ? row.getString(5) : null));
    List<Count> byCode = counts("SELECT code, count(*) FROM data_quality GROUP BY 1 ORDER BY 2 DESC, 1", warehouse);
    List<UnitCount> byUnit = warehouse.query("""
        SELECT q.ward_code, coalesce(u.name, q.ward_code), q.code, count(*) FROM data_quality q
        LEFT JOIN units u ON u.unit_code = q.ward_code GROUP BY ALL ORDER BY 4 DESC, 1, 3""",
        row -> new UnitCount(row.getString(1), row.getString(2), row.getString(3), row.getLong(4)));
    List<Anomaly> anomalies = warehouse.query("""
        SELECT dossier_id, ward_code, code, detail FROM data_quality WHERE ? OR ward_code = ?
        ORDER BY ward_code, code, dossier_id LIMIT %d""".formatted(SAMPLE),
        row -> new Anomaly(row.getString(1), row.getString(2), row.getString(3), row.getString(4)),
        !viewer.isLeader(), viewer.unit() == null ? "" : viewer.unit());
    return new QualityReport(warehouse.versionId(), runs, byReason.stream().mapToLong(Count::count).sum(), byReason,
        bySource, rejects, byCode.stream().mapToLong(Count::count).sum(), byCode, byUnit, anomalies);
  }

  private static List<Count> counts(String sql, Snapshot warehouse) {
    return warehouse.query(sql, row -> new Count(row.getString(1), row.getLong(2)));
  }
}
