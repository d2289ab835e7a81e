package vn.hcmc.kpi.dashboard.quality;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The data-quality view: each run's reconciliation (rows read = accepted + rejected + duplicates),
 * rejected input lines by reason and by file, and dossier-level anomalies by code and by unit, with
 * samples. The body of {@code GET /api/quality}.
 *
 * @param rejectSamples the first {@value QualityQueries#SAMPLE} rejects by file and line
 * @param anomalySamples the first {@value QualityQueries#SAMPLE} anomalies by unit, code and dossier
 */
public record QualityReport(String warehouseVersion, List<Run> runs, long rejectsTotal, List<Count> rejectsByReason,
    List<Count> rejectsBySource, List<Reject> rejectSamples, long anomaliesTotal, List<Count> anomaliesByCode,
    List<UnitCount> anomaliesByUnit, List<Anomaly> anomalySamples) {

  /**
   * A row of {@code runs}. {@code balanced}: rows read equals accepted + rejected + duplicates;
   * {@code rejectRows}: the rows of {@code rejects} carrying this run's id, which should equal
   * {@code rejected}.
   */
  public record Run(String runId, OffsetDateTime startedAt, OffsetDateTime finishedAt, OffsetDateTime asOf,
      String inputs, Long rowsRead, Long accepted, Long rejected, Long duplicates, String status, Long dossiers,
      Long files, boolean balanced, long rejectRows) {
  }

  public record Count(String key, long count) {
  }

  public record UnitCount(String wardCode, String unitName, String code, long count) {
  }

  /** A rejected line; {@code raw} cut to 300 characters. */
  public record Reject(String source, Long line, String reason, String message, String raw) {
  }

  public record Anomaly(String dossierId, String wardCode, String code, String detail) {
  }
}
