package vn.hcmc.kpi.bench.load;

/**
 * One endpoint at one concurrency: the statistics, who called, the dashboard's peak RSS so far and
 * the machine's 1-minute load average when the measurement ended (the machine is shared: say so).
 */
record LoadResult(String operation, String account, int clients, LatencyStats stats, long peakRssKb,
    double loadAverage) {

  /** The target: p95 under 100 ms at 20 clients, no errors. */
  static final double TARGET_P95_MS = 100;
  static final int TARGET_CLIENTS = 20;

  /** Null where the target does not apply (other concurrencies). */
  Boolean meetsTarget() {
    if (clients != TARGET_CLIENTS) {
      return null;
    }
    return stats.errors() == 0 && stats.requests() > 0 && stats.percentileMs(95) < TARGET_P95_MS;
  }
}
