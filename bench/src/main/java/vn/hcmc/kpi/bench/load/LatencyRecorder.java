package vn.hcmc.kpi.bench.load;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one closed-loop client saw: every request's latency (exact, in nanoseconds, kept in a growing
 * array: a 20 s run at a few thousand requests per second is a few hundred kB, so no histogram
 * buckets are needed and percentiles are exact), and its errors by kind. Not thread-safe: one per
 * client thread, merged after the run with {@link #merge}.
 */
final class LatencyRecorder {

  private long[] nanos = new long[1024];
  private int count;
  private long errors;
  private final Map<String, Long> errorKinds = new TreeMap<>();

  /** A request that completed; {@code ok} is false for a non-2xx answer, counted as an error under {@code kind}. */
  void record(long latencyNanos, boolean ok, String kind) {
    if (latencyNanos < 0) {
      throw new IllegalArgumentException("negative latency " + latencyNanos);
    }
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, nanos.length * 2);
    }
    nanos[count++] = latencyNanos;
    if (!ok) {
      error(kind);
    }
  }

  /** A request that failed without an answer (exception, timeout): counted as an error, not a latency. */
  void error(String kind) {
    errors++;
    errorKinds.merge(kind == null ? "?" : kind, 1L, Long::sum);
  }

  int count() {
    return count;
  }

  long errors() {
    return errors;
  }

  /** All clients' records together (the clients' own recorders are left as they were). */
  static LatencyRecorder merge(Iterable<LatencyRecorder> parts) {
    LatencyRecorder all = new LatencyRecorder();
    for (LatencyRecorder part : parts) {
      if (all.nanos.length < all.count + part.count) {
        all.nanos = Arrays.copyOf(all.nanos, all.count + part.count);
      }
      System.arraycopy(part.nanos, 0, all.nanos, all.count, part.count);
      all.count += part.count;
      all.errors += part.errors;
      part.errorKinds.forEach((kind, n) -> all.errorKinds.merge(kind, n, Long::sum));
    }
    return all;
  }

  /** The statistics of a run that measured for {@code seconds}. */
  LatencyStats stats(double seconds) {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    return new LatencyStats(sorted, errors, Collections.unmodifiableMap(new TreeMap<>(errorKinds)), seconds);
  }
}
