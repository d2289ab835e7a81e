package vn.hcmc.kpi.etl.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;

/** Byte-array RDDs that Spark caches and shuffles through Kryo, with their content unchanged. */
class ByteRddsTest {

  private static List<byte[]> rows() {
    List<byte[]> rows = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) rows.add(("dossier-" + i + "-" + "x".repeat(i % 300)).getBytes(StandardCharsets.UTF_8));
    return rows;
  }

  @Test
  void typedRowsAreCachedSerializedByKryoAndComeBackWhole() {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(TestSpark.get().sparkContext());
    JavaRDD<byte[]> plain = sc.parallelize(rows(), 3).map(b -> b);
    JavaRDD<byte[]> typed = ByteRdds.typed(plain).persist(StorageLevel.MEMORY_AND_DISK_SER());
    assertInstanceOf(KryoSerializer.class,
        SparkEnv.get().serializerManager().getSerializer(typed.rdd().elementClassTag(), true));
    // the untyped RDD the Java API makes would have gone through Java serialization
    assertFalse(SparkEnv.get().serializerManager().getSerializer(plain.rdd().elementClassTag(), true)
        instanceof KryoSerializer);
    List<byte[]> back = typed.collect();
    List<byte[]> again = typed.collect(); // from the cache
    List<byte[]> want = rows();
    assertEquals(want.size(), back.size());
    for (int i = 0; i < want.size(); i++) {
      assertArrayEquals(want.get(i), back.get(i));
      assertArrayEquals(want.get(i), again.get(i));
    }
    typed.unpersist();
  }

  @Test
  void partitionBySendsEachRowWhereItsKeySays() {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(TestSpark.get().sparkContext());
    JavaRDD<byte[]> shuffled = ByteRdds.partitionBy(sc.parallelize(rows(), 3), b -> b.length % 5, new HashPartitioner(5));
    assertEquals(5, shuffled.getNumPartitions());
    List<List<byte[]>> parts = shuffled.glom().collect();
    int total = 0;
    for (int p = 0; p < parts.size(); p++) {
      for (byte[] b : parts.get(p)) assertEquals(p, b.length % 5);
      total += parts.get(p).size();
    }
    assertEquals(rows().size(), total);
  }
}
