package vn.hcmc.kpi.etl.job;

import org.apache.spark.sql.SparkSession;

/** One local Spark session shared by the tests of this JVM (starting Spark takes seconds). */
public final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  public static synchronized SparkSession get() {
    if (session == null) {
      SparkSession.Builder b = SparkSession.builder().master("local[2]").appName("kpi-tests")
          .config("spark.sql.shuffle.partitions", "4");
      KpiJob.sparkDefaults().forEach((k, v) -> {
        if (!k.equals("spark.sql.shuffle.partitions")) b.config(k, v);
      });
      session = b.getOrCreate();
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }
}
