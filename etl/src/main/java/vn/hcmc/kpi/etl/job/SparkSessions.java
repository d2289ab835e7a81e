package vn.hcmc.kpi.etl.job;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds the job's Spark session: local[*] unless a master is given or spark-submit set one. */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession create(String master) {
    SparkConf conf = new SparkConf();
    SparkSession.Builder b = SparkSession.builder().appName("ward-kpi-etl");
    if (master != null) b.master(master);
    else if (!conf.contains("spark.master")) b.master(EtlOptions.DEFAULT_MASTER);
    for (Map.Entry<String, String> e : KpiJob.sparkDefaults().entrySet()) {
      if (!conf.contains(e.getKey())) b.config(e.getKey(), e.getValue());
    }
    return b.getOrCreate();
  }
}
