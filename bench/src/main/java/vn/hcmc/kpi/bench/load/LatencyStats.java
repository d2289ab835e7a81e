package vn.hcmc.kpi.bench.load;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Latency statistics of one endpoint at one concurrency: percentiles by the nearest-rank method on
 * the sorted latencies (the p-th percentile is the smallest latency such that at least p % of the
 * requests took no longer), throughput over the measured time, errors (non-2xx answers and requests
 * without an answer). Requests counts answered requests, errors included.
 */
record LatencyStats(long[] sortedNanos, long errors, Map<String, Long> errorKinds, double seconds) {

  LatencyStats {
    if (seconds <= 0) {
      throw new IllegalArgumentException("the measured time must be positive, was " + seconds + " s");
    }
    for (int i = 1; i < sortedNanos.length; i++) {
      if (sortedNanos[i - 1] > sortedNanos[i]) {
        throw new IllegalArgumentException("latencies are not sorted at index " + i);
      }
    }
  }

  long requests() {
    return sortedNanos.length;
  }

  /** Answered requests per second (errors included: they are answers too). */
  double throughput() {
    return requests() / seconds;
  }

  /** The {@code p}-th percentile in milliseconds (nearest rank), NaN without requests. */
  double percentileMs(double p) {
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
    }
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
    return sortedNanos[Math.max(rank, 1) - 1] / 1e6;
  }

  double maxMs() {
    return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
  }

  /** e.g. "HTTP 500 ×3, timeout ×1", empty without errors. */
  String errorSummary() {
    return errorKinds.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", "));
  }
}
