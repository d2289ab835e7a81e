package vn.hcmc.kpi.etl.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import vn.hcmc.kpi.etl.clock.ClockSettings;
import vn.hcmc.kpi.etl.ingest.LogTimes;

/**
 * Options of an ETL run, checked when built so a bad argument fails before Spark starts.
 *
 * @param inputs log files or folders (local paths or Hadoop URIs)
 * @param warehouse warehouse root: a local folder or a Hadoop URI (hdfs:, s3a:; see WarehouseFs)
 * @param asOf the instant open dossiers are judged at; null = the latest accepted event
 * @param referenceDir folder with reference CSVs replacing the shipped defaults; null = defaults only
 * @param master Spark master URL; null = the one spark-submit gave, else local[*]
 */
public record EtlOptions(List<String> inputs, String warehouse, Instant asOf, Path referenceDir, String master,
                         ClockSettings clockSettings, int keepVersions) {

  public static final String DEFAULT_MASTER = "local[*]";

  public EtlOptions {
    if (inputs == null || inputs.isEmpty()) throw new IllegalArgumentException("--input is required (a file or folder)");
    if (warehouse == null || warehouse.isBlank()) throw new IllegalArgumentException("--warehouse is required");
    if (referenceDir != null && !Files.isDirectory(referenceDir)) {
      throw new IllegalArgumentException("--reference must be a folder: " + referenceDir);
    }
    if (keepVersions < 1) throw new IllegalArgumentException("--keep-versions must be at least 1, got " + keepVersions);
    inputs = List.copyOf(inputs);
  }

  /** Parses --as-of: ISO-8601, local Ho Chi Minh City time when it has no offset. */
  public static Instant parseAsOf(String text) {
    try {
      return LogTimes.parseInstant(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("--as-of must be an ISO-8601 time such as 2026-03-01T17:00:00+07:00, got '"
          + text + "'");
    }
  }
}
