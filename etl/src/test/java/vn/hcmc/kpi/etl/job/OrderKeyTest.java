package vn.hcmc.kpi.etl.job;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

/** Rows sorted with the order key first come out in exactly the order the table's own columns give. */
class OrderKeyTest {

  static final String[] WARDS = {"26734", "26737", "2673", "27460", "Phường Mới", "Phuong", "Z", "ả"};
  static final StructType SCHEMA = Rows.struct(Rows.f("ward_code", DataTypes.StringType),
      Rows.f("at", DataTypes.TimestampType), Rows.f("id", DataTypes.StringType));

  @Test
  void sortsAsTheColumnsDo() {
    SparkSession spark = TestSpark.get();
    Random rnd = new Random(20261202);
    List<Object[]> values = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      String ward = rnd.nextInt(40) == 0 ? null : WARDS[rnd.nextInt(WARDS.length)];
      // the same second often (ties on the key), sub-second differences, times before 1970, nulls
      Long micros = rnd.nextInt(30) == 0 ? null
          : (rnd.nextInt(10) == 0 ? -1L : 1L) * (1_780_000_000L + rnd.nextInt(50)) * 1_000_000L + rnd.nextInt(3) * 400_000L;
      values.add(new Object[] {ward, micros, "HS-" + rnd.nextInt(100_000)});
    }
    OrderKey order = OrderKey.of(List.of(WARDS));
    List<InternalRow> plain = new ArrayList<>();
    List<InternalRow> keyed = new ArrayList<>();
    for (Object[] v : values) {
      Object[] row = {v[0] == null ? null : UTF8String.fromString((String) v[0]), v[1],
          UTF8String.fromString((String) v[2])};
      plain.add(new GenericInternalRow(row.clone()));
      GenericInternalRow k = new GenericInternalRow(new Object[] {row[0], row[1], row[2], null});
      k.update(3, order.of(k, 0, 1));
      keyed.add(k);
    }
    JavaSparkContext jsc = new JavaSparkContext(spark.sparkContext());
    Dataset<Row> byColumns = KpiJob.internalFrame(jsc.parallelize(plain, 1), SCHEMA)
        .sortWithinPartitions("ward_code", "at", "id");
    Dataset<Row> byKey = KpiJob.internalFrame(jsc.parallelize(keyed, 1),
            SCHEMA.add(OrderKey.COLUMN, DataTypes.LongType, false))
        .sortWithinPartitions(col(OrderKey.COLUMN), col("ward_code"), col("at"), col("id")).drop(OrderKey.COLUMN);
    List<String> expected = strings(byColumns);
    assertEquals(5000, expected.size());
    assertTrue(expected.get(0).startsWith("[null,"), "null wards first: " + expected.get(0));
    assertEquals(expected, strings(byKey));
  }

  @Test
  void aWardOutsideTheListSortsLastAndANullFirst() {
    OrderKey order = OrderKey.of(List.of("b", "a"));
    long a = order.of(new GenericInternalRow(new Object[] {UTF8String.fromString("a"), 0L}), 0, 1);
    long b = order.of(new GenericInternalRow(new Object[] {UTF8String.fromString("b"), 0L}), 0, 1);
    long other = order.of(new GenericInternalRow(new Object[] {UTF8String.fromString("0"), 0L}), 0, 1);
    long none = order.of(new GenericInternalRow(new Object[] {null, 0L}), 0, 1);
    assertTrue(none < a && a < b && b < other, none + " " + a + " " + b + " " + other);
  }

  private static List<String> strings(Dataset<Row> rows) {
    List<String> out = new ArrayList<>();
    for (Row r : rows.collectAsList()) out.add(r.toString());
    return out;
  }
}
