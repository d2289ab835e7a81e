package vn.hcmc.kpi.etl.job;

import java.io.Serializable;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import scala.Tuple2;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * RDDs of the compact fold bytes whose element type Spark knows. Spark serializes a cached block or a
 * shuffle with Kryo by itself when the element (or key and value) types are primitives or arrays of them,
 * but the Java API hands it no type, so it falls back to Java serialization: an object-graph walk, a handle
 * table and a copy through a 1 KB block buffer for every dossier's byte array. Measured on 13 weeks of the
 * city: Java (de)serialization was about a tenth of the ETL's CPU samples (issue 10 notes, session 6).
 */
final class ByteRdds {
  private ByteRdds() {}

  static final ClassTag<byte[]> BYTES = ClassTag$.MODULE$.apply(byte[].class);

  @SuppressWarnings("unchecked")
  private static final ClassTag<Integer> INT = (ClassTag<Integer>) (ClassTag<?>) ClassTag$.MODULE$.Int();

  private static final scala.Function1<byte[], byte[]> SAME =
      (scala.Function1<byte[], byte[]> & Serializable) b -> b;

  /** The same rows, typed as byte arrays (a map that passes each row on). */
  static JavaRDD<byte[]> typed(JavaRDD<byte[]> rows) {
    if (BYTES.equals(rows.rdd().elementClassTag())) return rows;
    return new JavaRDD<>(rows.rdd().map(SAME, BYTES), BYTES);
  }

  /** Each row sent to the partition {@code partitionOf} gives it, through one shuffle serialized by Kryo. */
  static JavaRDD<byte[]> partitionBy(JavaRDD<byte[]> rows, Function<byte[], Integer> partitionOf,
                                     Partitioner partitioner) {
    return shuffle(rows.map(b -> new Tuple2<>(partitionOf.call(b), b)), partitioner);
  }

  /** Each row sent to the partition its key names, through one shuffle serialized by Kryo. */
  static JavaRDD<byte[]> shuffle(JavaRDD<Tuple2<Integer, byte[]>> keyed, Partitioner partitioner) {
    return new JavaRDD<>(new JavaPairRDD<>(keyed.rdd(), INT, BYTES).partitionBy(partitioner).values().rdd(), BYTES);
  }

  /** Only the partitions from {@code from} to before {@code to}, without a task for the others (Spark's PartitionPruningRDD). */
  static JavaRDD<byte[]> partitions(JavaRDD<byte[]> rows, int from, int to) {
    scala.Function1<Object, Object> keep = (scala.Function1<Object, Object> & Serializable) p -> (Integer) p >= from
        && (Integer) p < to;
    return new JavaRDD<>(org.apache.spark.rdd.PartitionPruningRDD.create(rows.rdd(), keep), BYTES);
  }
}
