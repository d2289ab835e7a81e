package vn.hcmc.kpi.etl.job;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The sorted-list quantiles give exactly what Spark's percentile gives, bit for bit, group by group. */
class PercentileOfSortedTest {

  static final StructType SCHEMA = Rows.struct(Rows.f("g", DataTypes.IntegerType),
      Rows.f("x", DataTypes.DoubleType), Rows.f("n", DataTypes.IntegerType));

  @Test
  void agreesWithSparkPercentileOnRandomGroupsWithTiesNullsAndSingletons() {
    SparkSession spark = TestSpark.get();
    Random rnd = new Random(20261128);
    List<Row> rows = new ArrayList<>();
    for (int g = 0; g < 400; g++) {
      int n = g % 7 == 0 ? 1 : 1 + rnd.nextInt(40);
      for (int i = 0; i < n; i++) {
        Double x = rnd.nextInt(10) == 0 ? null : g % 5 == 0 ? (double) rnd.nextInt(3) : rnd.nextDouble() * 37.3;
        Integer days = rnd.nextInt(8) == 0 ? null : rnd.nextInt(15);
        rows.add(RowFactory.create(g, x, days));
      }
    }
    rows.add(RowFactory.create(-1, null, null)); // a group with no values at all
    Dataset<Row> data = spark.createDataFrame(rows, SCHEMA);
    List<Row> both = data.groupBy("g").agg(
            expr("percentile(x, 0.5)").as("s50"), expr("percentile(x, 0.9)").as("s90"),
            expr("percentile(n, 0.5)").as("d50"), expr("percentile(n, 0.9)").as("d90"),
            array_sort(collect_list(col("x"))).as("xs"), array_sort(collect_list(col("n"))).as("ns"))
        .select(col("g"), col("s50"), col("s90"), col("d50"), col("d90"),
            WeeklyTables.percentileOfSorted(col("xs"), 0.5).as("o50"),
            WeeklyTables.percentileOfSorted(col("xs"), 0.9).as("o90"),
            WeeklyTables.percentileOfSorted(col("ns"), 0.5).as("e50"),
            WeeklyTables.percentileOfSorted(col("ns"), 0.9).as("e90"))
        .orderBy("g").collectAsList();
    assertEquals(401, both.size());
    int interpolated = 0;
    for (Row r : both) {
      for (int k = 0; k < 4; k++) {
        Object spark4 = r.get(1 + k);
        Object ours = r.get(5 + k);
        assertEquals(spark4, ours, "group " + r.get(0) + " quantile " + k);
        if (spark4 != null && (Double) spark4 != Math.rint((Double) spark4)) interpolated++;
      }
    }
    Row empty = both.get(0);
    assertNull(empty.get(5));
    assertNull(empty.get(7));
    // the comparison covered interpolated values, not only values taken straight from the list
    org.junit.jupiter.api.Assertions.assertTrue(interpolated > 200, "interpolated " + interpolated);
  }
}
