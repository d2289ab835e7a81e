package vn.hcmc.kpi.etl.job;

import static org.apache.spark.sql.functions.broadcast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import vn.hcmc.kpi.etl.dossier.OfficerFact;
import vn.hcmc.kpi.etl.dossier.WeekFact;

/**
 * The daily run's plain-Java weekly figures equal, row for row and to the last bit of each double, what the
 * Spark definitions of the full run (WeeklyTables) give for the same groups of the same contributions.
 */
class WeeklyFiguresTest {

  static final LocalDate[] WEEKS = {LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 23), LocalDate.of(2026, 3, 2)};
  static final String[] WARDS = {"26782", "27460", "Phường Mới"};
  /** Inside the last week: its rows are partial. */
  static final Instant AS_OF = Instant.parse("2026-03-04T09:30:00Z");

  /** Random dossiers' contributions: zeros, ties, missing hours and days, officers with no completed task. */
  static List<byte[]> folds() {
    Random rnd = new Random(20261202);
    List<byte[]> out = new ArrayList<>();
    for (int d = 0; d < 600; d++) {
      List<WeekFact> weeks = new ArrayList<>();
      List<OfficerFact> officers = new ArrayList<>();
      String ward = WARDS[rnd.nextInt(WARDS.length)];
      String procedure = d % 11 == 0 ? null : "1.00" + rnd.nextInt(4);
      for (LocalDate week : WEEKS) {
        if (rnd.nextInt(3) == 0) continue;
        int resolved = rnd.nextInt(4) == 0 ? 1 : 0;
        weeks.add(new WeekFact(ward, procedure, week, rnd.nextInt(2), rnd.nextInt(2), rnd.nextInt(2), rnd.nextInt(2),
            rnd.nextInt(2), resolved, rnd.nextInt(2), rnd.nextInt(2), rnd.nextInt(2), rnd.nextInt(2), rnd.nextInt(2),
            rnd.nextInt(2), rnd.nextInt(2), rnd.nextInt(2), resolved == 1 && rnd.nextInt(5) > 0 ? rnd.nextInt(20) : null,
            rnd.nextInt(2), rnd.nextInt(3), rnd.nextInt(2), rnd.nextInt(9), rnd.nextInt(3)));
        for (int o = 0; o < rnd.nextInt(3); o++) {
          int completed = rnd.nextInt(3);
          Double hours = completed > 0 && rnd.nextInt(6) > 0
              ? (rnd.nextInt(4) == 0 ? (double) rnd.nextInt(3) : rnd.nextDouble() * 41.7) : null;
          officers.add(new OfficerFact(ward, "CB-" + rnd.nextInt(20), week, rnd.nextInt(3), completed, hours,
              rnd.nextInt(2), rnd.nextInt(2), rnd.nextInt(2), rnd.nextInt(2), rnd.nextInt(12), rnd.nextInt(4)));
        }
      }
      out.add(WeeklyDeltaTest.fold("HS-" + d, weeks, officers));
    }
    return out;
  }

  static List<String> sorted(Dataset<Row> table, String... columns) {
    List<String> out = new ArrayList<>();
    for (Row r : table.select(DossierTables.cols(columns)).collectAsList()) out.add(r.toString());
    java.util.Collections.sort(out);
    return out;
  }

  @Test
  void equalSparksWeeklyTablesForTheGroupsAsked() {
    SparkSession spark = TestSpark.get();
    JavaRDD<byte[]> folds = new JavaSparkContext(spark.sparkContext()).parallelize(folds(), 3);
    // every group but two: rows of other groups must not count
    Set<WeeklyFigures.UnitWeek> groups = new HashSet<>();
    List<Row> keys = new ArrayList<>();
    for (String ward : WARDS) {
      for (LocalDate week : WEEKS) {
        if ((ward.equals(WARDS[0]) && week.equals(WEEKS[1])) || (ward.equals(WARDS[2]) && week.equals(WEEKS[0]))) {
          continue;
        }
        groups.add(new WeeklyFigures.UnitWeek(ward, week));
        keys.add(RowFactory.create(ward, week));
      }
    }
    Dataset<Row> groupRows = spark.createDataFrame(keys, Rows.struct(Rows.f("ward_code", DataTypes.StringType),
        Rows.f("week_start", DataTypes.DateType)));
    String[] unitWeek = {"ward_code", "week_start"};
    Dataset<Row> weekFacts = KpiJob.section(folds, FoldCodec.Section.WEEKS).join(broadcast(groupRows), unitWeek,
        "left_semi");
    Dataset<Row> officerFacts = KpiJob.section(folds, FoldCodec.Section.OFFICERS).join(broadcast(groupRows), unitWeek,
        "left_semi");
    Dataset<Row> officerWeekly = WeeklyTables.officerWeekly(officerFacts);
    Dataset<Row> wardWeekly = WeeklyTables.wardWeekly(weekFacts, officerWeekly, AS_OF);
    Dataset<Row> procedureWeekly = WeeklyTables.procedureWeekly(weekFacts, AS_OF);

    WeeklyFigures.Partial figures = WeeklyFigures.of(folds, groups);
    // through createDataFrame with the Spark definitions' schemas, as the daily run writes them
    Dataset<Row> javaOfficer = spark.createDataFrame(WeeklyFigures.officerWeekly(figures), officerWeekly.schema());
    Dataset<Row> javaWard = spark.createDataFrame(WeeklyFigures.wardWeekly(figures, AS_OF), wardWeekly.schema());
    Dataset<Row> javaProcedure = spark.createDataFrame(WeeklyFigures.procedureWeekly(figures, AS_OF),
        procedureWeekly.schema());

    List<String> sparkOfficer = sorted(officerWeekly, officerWeekly.columns());
    assertTrue(sparkOfficer.size() > 60, "officer-weeks: " + sparkOfficer.size());
    assertEquals(sparkOfficer, sorted(javaOfficer, officerWeekly.columns()));
    List<String> sparkWard = sorted(wardWeekly, wardWeekly.columns());
    assertEquals(7, sparkWard.size());
    assertTrue(sparkWard.stream().anyMatch(r -> r.contains(",true,")), "a partial week: " + sparkWard);
    assertEquals(sparkWard, sorted(javaWard, wardWeekly.columns()));
    List<String> sparkProcedure = sorted(procedureWeekly, procedureWeekly.columns());
    assertTrue(sparkProcedure.stream().anyMatch(r -> r.contains("null")), "a procedure-week with nulls");
    assertEquals(sparkProcedure, sorted(javaProcedure, procedureWeekly.columns()));
  }

  /** The full run's case: no groups named means every group; the tables as WeeklyFigures.tables gives them. */
  @Test
  void everyGroupWhenNoneAreNamedAsTheFullRunAsks() {
    SparkSession spark = TestSpark.get();
    JavaRDD<byte[]> folds = new JavaSparkContext(spark.sparkContext()).parallelize(folds(), 4);
    Dataset<Row> officerWeekly = WeeklyTables.officerWeekly(KpiJob.section(folds, FoldCodec.Section.OFFICERS));
    Dataset<Row> weekFacts = KpiJob.section(folds, FoldCodec.Section.WEEKS);
    Dataset<Row> wardWeekly = WeeklyTables.wardWeekly(weekFacts, officerWeekly, AS_OF);
    Dataset<Row> procedureWeekly = WeeklyTables.procedureWeekly(weekFacts, AS_OF);

    WeeklyFigures.Tables java = WeeklyFigures.tables(spark, WeeklyFigures.of(folds, null), AS_OF);
    assertEquals(officerWeekly.schema(), java.officerWeekly().schema());
    assertEquals(wardWeekly.schema(), java.wardWeekly().schema());
    assertEquals(procedureWeekly.schema(), java.procedureWeekly().schema());
    List<String> sparkWard = sorted(wardWeekly, wardWeekly.columns());
    assertEquals(WARDS.length * WEEKS.length, sparkWard.size());
    assertEquals(sparkWard, sorted(java.wardWeekly(), wardWeekly.columns()));
    assertEquals(sorted(officerWeekly, officerWeekly.columns()), sorted(java.officerWeekly(), officerWeekly.columns()));
    assertEquals(sorted(procedureWeekly, procedureWeekly.columns()),
        sorted(java.procedureWeekly(), procedureWeekly.columns()));

    // no fold output at all (and empty partitions): empty tables, not an error
    WeeklyFigures.Tables none = WeeklyFigures.tables(spark, WeeklyFigures.of(
        new JavaSparkContext(spark.sparkContext()).parallelize(List.<byte[]>of(), 2), null), AS_OF);
    assertEquals(0, none.wardWeekly().count() + none.officerWeekly().count() + none.procedureWeekly().count());
  }

  @Test
  void percentileInterpolatesAsSparkDoes() {
    assertEquals(null, WeeklyFigures.percentile(new double[0], 0.5));
    assertEquals(3.0, WeeklyFigures.percentile(new double[] {3}, 0.9));
    assertEquals(2.5, WeeklyFigures.percentile(new double[] {1, 2, 3, 4}, 0.5));
    // (n − 1) · 0.9 = 2.7 between 3 and 10: 0.3 · 3 + 0.7 · 10
    assertEquals((3.0 - 2.7) * 3 + (2.7 - 2.0) * 10, WeeklyFigures.percentile(new double[] {1, 2, 3, 10}, 0.9));
  }
}
