package vn.hcmc.kpi.etl.job;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The cumulative runs table of an incremental run: the base version's rows plus one. The row's counts
 * are those of the files the run read (so rows read = accepted + rejected + duplicates holds per run
 * and its rejects carry its run id), dossiers is the version's total, and two columns say how it was
 * made: {@code mode} = INCREMENTAL and {@code base_version}; rows of full runs have them null.
 */
final class RunsTable {
  private RunsTable() {}

  /** Writes the new version's runs table and returns the finish time it recorded. */
  static Instant append(SparkSession spark, WarehousePublisher publisher, String base, String runId,
                        KpiJob.RunSummary s, Instant startedAt, Instant finishedAt, List<String> inputs, int files) {
    // the row follows the base table's columns (the full run defines them), plus mode and base_version
    Dataset<Row> before = spark.read().parquet(publisher.tableLocation(base, "runs"));
    Map<String, Object> values = new HashMap<>();
    values.put("run_id", s.runId());
    values.put("started_at", startedAt);
    values.put("finished_at", finishedAt);
    values.put("inputs", String.join("\n", inputs));
    values.put("as_of", s.asOf());
    values.put("rows_read", s.rowsRead());
    values.put("accepted", s.accepted());
    values.put("rejected", s.rejected());
    values.put("duplicates", s.duplicates());
    values.put("status", s.reconciles() ? "SUCCEEDED" : "UNRECONCILED");
    values.put("dossiers", s.dossiers());
    values.put("files", (long) files);
    values.put("mode", IncrementalJob.MODE_INCREMENTAL);
    values.put("base_version", base);
    StructType schema = before.schema();
    for (String c : List.of("mode", "base_version")) {
      if (!List.of(schema.fieldNames()).contains(c)) schema = schema.add(c, DataTypes.StringType);
    }
    Object[] row = new Object[schema.size()];
    for (int i = 0; i < row.length; i++) row[i] = values.get(schema.fields()[i].name());
    Dataset<Row> runs = before.unionByName(spark.createDataFrame(List.of(RowFactory.create(row)), schema), true);
    runs.orderBy("started_at", "run_id").coalesce(1).write().mode(SaveMode.ErrorIfExists)
        .option("compression", "zstd").parquet(publisher.tableLocation(runId, "runs"));
    return finishedAt;
  }
}
