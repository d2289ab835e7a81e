package vn.hcmc.kpi.bench.load;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Closed-loop load: N client threads, each issuing its next request as soon as the previous one is
 * answered (so the offered load adapts to the server, as N users clicking would), first for a warm-up
 * that is not recorded, then for the measured duration. A request that starts inside the measured
 * window is recorded even if it ends after it; the throughput is taken over the real time until the
 * last such request ended.
 */
final class ClosedLoop {

  /** One client's next request: returns the HTTP status; throws when there is no answer. */
  @FunctionalInterface
  interface Caller {
    int call() throws Exception;
  }

  private ClosedLoop() {
  }

  static LatencyStats run(List<? extends Caller> clients, Duration warmup, Duration duration)
      throws InterruptedException {
    if (clients.isEmpty()) {
      throw new IllegalArgumentException("at least one client is needed");
    }
    if (warmup.isNegative() || duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException("warm-up must be >= 0 and duration > 0, were " + warmup + " and " + duration);
    }
    List<LatencyRecorder> recorders = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    CountDownLatch ready = new CountDownLatch(clients.size());
    CountDownLatch go = new CountDownLatch(1);
    long[] window = new long[2]; // measured from, until (System.nanoTime), set before go
    for (int i = 0; i < clients.size(); i++) {
      Caller caller = clients.get(i);
      LatencyRecorder recorder = new LatencyRecorder();
      recorders.add(recorder);
      Thread thread = new Thread(() -> {
        ready.countDown();
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        loop(caller, recorder, window[0], window[1]);
      }, "load-client-" + i);
      thread.setDaemon(true);
      threads.add(thread);
    }
    threads.forEach(Thread::start);
    ready.await();
    long start = System.nanoTime();
    window[0] = start + warmup.toNanos();
    window[1] = window[0] + duration.toNanos();
    go.countDown(); // happens-before: the threads see window[] as set above
    for (Thread thread : threads) {
      thread.join();
    }
    double seconds = Math.max(System.nanoTime() - window[0], 1) / 1e9;
    return LatencyRecorder.merge(recorders).stats(seconds);
  }

  private static void loop(Caller caller, LatencyRecorder recorder, long measureFrom, long measureUntil) {
    while (true) {
      long t0 = System.nanoTime();
      if (t0 >= measureUntil || Thread.currentThread().isInterrupted()) {
        return;
      }
      boolean measured = t0 >= measureFrom;
      try {
        int status = caller.call();
        long latency = System.nanoTime() - t0;
        if (measured) {
          boolean ok = status >= 200 && status < 300;
          recorder.record(latency, ok, ok ? null : "HTTP " + status);
        }
      } catch (Exception e) {
        if (measured) {
          recorder.error(kind(e));
        }
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** A short name for an error without an answer: "timeout", else the exception's class. */
  static String kind(Exception e) {
    return e instanceof HttpTimeoutException ? "timeout" : e.getClass().getSimpleName();
  }
}
