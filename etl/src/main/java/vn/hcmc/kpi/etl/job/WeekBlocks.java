package vn.hcmc.kpi.etl.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The tables with rows per week (officer_weekly, ward_weekly, procedure_weekly, ward_hourly) are written as one
 * sorted file per month of their {@code week_start} (a block, {@code yyyyMM}). Why: a daily run then rewrites only
 * the months whose rows can change (those of the changed unit-weeks and of the week under way) and hard-links the
 * other files, so its cost does not grow with the years of history (docs/incremental.md). Which block each file
 * holds is recorded in the version's state, as the segments of the per-dossier tables are.
 */
final class WeekBlocks {
  private WeekBlocks() {}

  static final List<String> TABLES = List.of("officer_weekly", "ward_weekly", "procedure_weekly", "ward_hourly");

  private static final String COLUMN = "_block";

  /** The block of the file with no rows that a table without rows gets (no daily run rewrites it). */
  static final String EMPTY = "empty";

  static String of(LocalDate weekStart) {
    return String.format("%04d%02d", weekStart.getYear(), weekStart.getMonthValue());
  }

  /**
   * Writes {@code table} into {@code versionDir/name} as one file per block, each sorted by {@code order}.
   * Spark writes the blocks as folders of a staging folder (partitionBy drops the block column from the
   * files); each file is then moved into the table's folder, named after its block.
   *
   * @return file name → block
   */
  static Map<String, String> write(Dataset<Row> table, String versionDir, String name, String... order) {
    Column[] sort = new Column[order.length + 1];
    sort[0] = col(COLUMN);
    for (int i = 0; i < order.length; i++) sort[i + 1] = col(order[i]);
    // every block hashes to one partition, so it becomes one file
    Dataset<Row> byBlock = table.withColumn(COLUMN, date_format(col("week_start"), "yyyyMM")).repartition(col(COLUMN))
        .sortWithinPartitions(sort);
    String staging = versionDir + "/_blocks_" + name;
    KpiJob.writer(byBlock, name).partitionBy(COLUMN).parquet(staging);
    Map<String, String> files = new TreeMap<>();
    try {
      Path from = new Path(staging);
      Path to = new Path(versionDir + "/" + name);
      FileSystem fs = from.getFileSystem(SparkSession.active().sparkContext().hadoopConfiguration());
      fs.mkdirs(to);
      for (FileStatus dir : fs.listStatus(from)) {
        String dirName = dir.getPath().getName();
        if (!dir.isDirectory() || !dirName.startsWith(COLUMN + "=")) continue;
        String block = dirName.substring(COLUMN.length() + 1);
        move(fs, dir.getPath(), to, block, files);
      }
      fs.delete(from, true);
      if (files.isEmpty() && fs.globStatus(new Path(to, "*.parquet")).length == 0) {
        // no rows: readers still need a file with the columns (Spark writes one for an empty table)
        KpiJob.writer(table.limit(0), name).parquet(staging);
        move(fs, from, to, EMPTY, files);
        fs.delete(from, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lay out the blocks of " + name + " in " + versionDir + ": "
          + e.getMessage(), e);
    }
    Faults.point("after-table:" + name);
    return files;
  }

  /** Moves the Parquet files of {@code from} into {@code to}, named after their block, and records them. */
  private static void move(FileSystem fs, Path from, Path to, String block, Map<String, String> files)
      throws IOException {
    for (FileStatus f : fs.listStatus(from)) {
      if (!f.getPath().getName().endsWith(".parquet")) continue;
      String file = block + "-" + f.getPath().getName();
      if (!fs.rename(f.getPath(), new Path(to, file))) {
        throw new IOException("cannot move " + f.getPath() + " to " + new Path(to, file));
      }
      files.put(file, block);
    }
  }

  /** The files of {@code files} (name → block) whose block is one of {@code blocks}. */
  static List<String> holding(Map<String, String> files, java.util.Set<String> blocks) {
    List<String> out = new ArrayList<>();
    files.forEach((file, block) -> { if (blocks.contains(block)) out.add(file); });
    return out;
  }
}
