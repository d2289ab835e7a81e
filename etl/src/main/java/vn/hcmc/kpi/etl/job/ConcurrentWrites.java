package vn.hcmc.kpi.etl.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes several tables at once, each from a driver thread of its own. Why: every write is a Spark job
 * whose driver side (planning, code generation, committing files) leaves the executors idle for a
 * while; with a few jobs in flight another job's tasks fill those gaps (issue 10 notes: an incremental
 * run's many small writes spent more wall time in such gaps than in tasks). Spark runs jobs from
 * several threads safely; a cached dataset that two jobs need is computed once (the block is locked).
 */
final class ConcurrentWrites {
  /** Jobs in flight: enough to cover a job's driver-side gaps on a small machine, few enough to keep memory flat. */
  static final int THREADS = 3;

  private final Map<String, Runnable> writes = new LinkedHashMap<>();
  private final int threads;

  private ConcurrentWrites(int threads) {
    if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    this.threads = threads;
  }

  static ConcurrentWrites of() { return new ConcurrentWrites(THREADS); }

  /**
   * Writes in flight for a run over this many input bytes: {@link #THREADS} for small inputs, one at a
   * time for big ones. Why: where each write's tasks keep the executors busy there are no gaps to fill;
   * on a year of the city, writes in flight together cost 1,118 CPU-s / 585 s against 960 / 514 one at a
   * time (one run each), while a daily incremental run gained (docs/incremental.md, "Measured").
   */
  static int threadsFor(long inputBytes) {
    return inputBytes < KpiJob.CACHE_IN_MEMORY_BELOW_BYTES ? THREADS : 1;
  }

  static ConcurrentWrites of(int threads) { return new ConcurrentWrites(threads); }

  /** Adds a write, named for the error message if it fails. */
  ConcurrentWrites add(String name, Runnable write) {
    if (writes.putIfAbsent(name, write) != null) throw new IllegalArgumentException("two writes named " + name);
    return this;
  }

  /**
   * Runs every write and returns when all have finished. If any failed, the first failure (in the order
   * added) is thrown once all others have finished, so that nothing is still writing into the version.
   */
  void run() {
    if (writes.size() <= 1 || threads == 1) {
      writes.values().forEach(Runnable::run);
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, writes.size()), r -> {
      Thread t = new Thread(r, "kpi-table-write");
      t.setDaemon(true);
      return t;
    });
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (Runnable w : writes.values()) futures.add(pool.submit(w));
      Throwable first = null;
      List<String> names = new ArrayList<>(writes.keySet());
      for (int i = 0; i < futures.size(); i++) {
        try {
          futures.get(i).get();
        } catch (ExecutionException e) {
          if (first == null) first = e.getCause();
          else if (first != e.getCause()) first.addSuppressed(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while writing " + names.get(i), e);
        }
      }
      if (first instanceof RuntimeException r) throw r;
      if (first instanceof Error err) throw err;
      if (first != null) throw new IllegalStateException(first.getMessage(), first);
    } finally {
      pool.shutdownNow();
    }
  }
}
