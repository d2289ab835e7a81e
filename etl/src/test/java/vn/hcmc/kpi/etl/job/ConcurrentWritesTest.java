package vn.hcmc.kpi.etl.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Table writes in flight together: all run, and a failure surfaces only once every write has finished. */
class ConcurrentWritesTest {

  @Test
  void everyWriteRunsAndSeveralRunAtOnce() {
    Set<String> done = ConcurrentHashMap.newKeySet();
    CountDownLatch together = new CountDownLatch(2);
    Runnable meet = () -> {
      together.countDown();
      try {
        // each of the first two waits for the other: passes only if they run at the same time
        assertTrue(together.await(10, TimeUnit.SECONDS), "the writes did not run concurrently");
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    };
    ConcurrentWrites.of()
        .add("a", () -> { meet.run(); done.add("a"); })
        .add("b", () -> { meet.run(); done.add("b"); })
        .add("c", () -> done.add("c"))
        .add("d", () -> done.add("d"))
        .run();
    assertEquals(Set.of("a", "b", "c", "d"), done);
  }

  @Test
  void theFirstFailureIsThrownAfterTheOtherWritesFinished() {
    Set<String> done = ConcurrentHashMap.newKeySet();
    IllegalStateException first = new IllegalStateException("disk full writing events");
    ConcurrentWrites writes = ConcurrentWrites.of()
        .add("events", () -> { throw first; })
        .add("slow", () -> {
          try {
            Thread.sleep(300);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          done.add("slow");
        })
        .add("tasks", () -> { throw new IllegalArgumentException("second"); });
    IllegalStateException thrown = assertThrows(IllegalStateException.class, writes::run);
    assertSame(first, thrown);
    assertEquals(Set.of("slow"), done, "the slow write had finished before the failure was thrown");
    assertEquals("second", thrown.getSuppressed()[0].getMessage());
  }

  @Test
  void oneThreadWritesInTheOrderAddedAndBigInputsGetOne() {
    java.util.List<String> order = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    ConcurrentWrites.of(1).add("a", () -> order.add("a")).add("b", () -> order.add("b")).add("c", () -> order.add("c"))
        .run();
    assertEquals(java.util.List.of("a", "b", "c"), order);
    assertEquals(1, ConcurrentWrites.threadsFor(KpiJob.CACHE_IN_MEMORY_BELOW_BYTES));
    assertEquals(ConcurrentWrites.THREADS, ConcurrentWrites.threadsFor(10L << 20));
  }

  @Test
  void twoWritesOfOneNameAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ConcurrentWrites.of().add("x", () -> { }).add("x", () -> { }));
  }
}
