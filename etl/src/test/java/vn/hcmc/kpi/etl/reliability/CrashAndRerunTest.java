package vn.hcmc.kpi.etl.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hcmc.kpi.etl.generate.GeneratorOptions;
import vn.hcmc.kpi.etl.generate.LogGenerator;
import vn.hcmc.kpi.etl.job.Faults;
import vn.hcmc.kpi.etl.job.WarehouseReader;
import vn.hcmc.kpi.etl.reference.ReferenceData;

/**
 * Reliability promise: a crash of the ETL at any moment leaves the published version untouched
 * and readable, and the next run's tables equal those of an uninterrupted run. The real launcher
 * runs in a subprocess; crashes are injected at named points (halt, as SIGKILL would) and by a
 * real SIGKILL while tables are being written.
 */
class CrashAndRerunTest {
  static final List<String> TABLES = List.of("events", "dossiers", "tasks", "officer_weekly", "procedure_weekly",
      "ward_weekly", "ward_hourly", "data_quality", "rejects", "units", "procedures", "officers");

  @TempDir static Path tmp;
  static Path logs;
  static Path firstWeeks;
  static Map<String, List<Map<String, Object>>> uninterrupted;
  static Launcher.Result afterSwitch;

  @BeforeAll
  static void prepare() throws Exception {
    logs = tmp.resolve("logs");
    new LogGenerator(ReferenceData.defaults()).writeTo(new GeneratorOptions(List.of("26782"),
        LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-22"), 0.3, 5), logs);
    // an earlier, smaller input publishes the version that must survive the crashes
    firstWeeks = tmp.resolve("first");
    Files.createDirectories(firstWeeks);
    try (Stream<Path> s = Files.list(logs.resolve("events"))) {
      Path first = s.sorted().findFirst().orElseThrow();
      Files.copy(first, firstWeeks.resolve(first.getFileName()));
    }
    // The reference run halts right after it switched CURRENT (as a crash there would): its version must be
    // published and complete. The test below checks that a rerun after crashes equals it; a version damaged by
    // that halt would not. (One launcher run fewer than a separate uninterrupted run: the suite's time.)
    Path baseline = tmp.resolve("baseline");
    afterSwitch = etl(baseline, Map.of(Faults.ENV, "after-switch"));
    uninterrupted = snapshot(baseline);
  }

  static Launcher.Result etl(Path warehouse, Map<String, String> env, Path... inputs) throws Exception {
    Path input = inputs.length == 0 ? logs.resolve("events") : inputs[0];
    return Launcher.run(env, tmp.resolve("log-" + System.nanoTime() + ".txt"), "etl", "--input", input.toString(),
        "--reference", logs.resolve("reference").toString(), "--warehouse", warehouse.toString(),
        "--as-of", "2026-03-22T23:00:00+07:00");
  }

  static Map<String, List<Map<String, Object>>> snapshot(Path warehouse) throws Exception {
    Map<String, List<Map<String, Object>>> out = new HashMap<>();
    try (WarehouseReader r = new WarehouseReader(warehouse)) {
      for (String t : TABLES) {
        String cols = t.equals("rejects") || t.equals("data_quality") ? "* exclude (run_id)" : "*";
        out.put(t, r.rows("select " + cols + " from " + t + " order by all"));
      }
    }
    return out;
  }

  static String current(Path warehouse) throws Exception {
    return Files.readString(warehouse.resolve("CURRENT")).strip();
  }

  @Test
  void crashesLeaveThePublishedVersionAndTheRerunEqualsAnUninterruptedRun() throws Exception {
    Path wh = tmp.resolve("wh");
    assertEquals(0, etl(wh, Map.of(), firstWeeks).exit());
    String published = current(wh);
    Map<String, List<Map<String, Object>>> before = snapshot(wh);
    assertNotEquals(uninterrupted.get("dossiers").size(), before.get("dossiers").size(), "a smaller first input");

    // before any table, between tables, after all tables but before the switch (a SIGKILL mid-table follows)
    for (String point : List.of("after-ingest", "after-table:events", "before-switch")) {
      Launcher.Result r = etl(wh, Map.of(Faults.ENV, point));
      assertEquals(Faults.HALT_STATUS, r.exit(), point + ": " + r.output());
      assertEquals(published, current(wh), "CURRENT unchanged after a crash at " + point);
      assertEquals(before, snapshot(wh), "published tables unchanged after a crash at " + point);
    }

    // a real SIGKILL while the new version's tables are being written
    Path log = tmp.resolve("killed.txt");
    Process p = Launcher.builder(Map.of(), log, "etl", "--input", logs.resolve("events").toString(), "--reference",
        logs.resolve("reference").toString(), "--warehouse", wh.toString(), "--as-of", "2026-03-22T23:00:00+07:00").start();
    assertTrue(waitForATable(wh, published, 180), "the run never started writing: " + Files.readString(log));
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(published, current(wh));
    assertEquals(before, snapshot(wh), "published tables unchanged after SIGKILL");

    // the next run finishes and equals an uninterrupted run; unfinished versions are cleaned up
    Launcher.Result ok = etl(wh, Map.of());
    assertEquals(0, ok.exit(), ok.output());
    assertNotEquals(published, current(wh));
    assertEquals(uninterrupted, snapshot(wh));
    try (Stream<Path> s = Files.list(wh.resolve("versions"))) {
      assertFalse(s.anyMatch(v -> !Files.exists(v.resolve("_SUCCESS"))), "unfinished versions are removed");
    }
    Launcher.Result runs = Launcher.run(Map.of(), tmp.resolve("runs.txt"), "runs", "--warehouse", wh.toString());
    assertEquals(0, runs.exit(), runs.output());
    assertTrue(runs.output().contains("* " + current(wh)), runs.output());
  }

  @Test
  void aCrashRightAfterTheSwitchLeavesTheNewVersionPublishedAndReadable() throws Exception {
    assertEquals(Faults.HALT_STATUS, afterSwitch.exit(), afterSwitch.output());
    Path wh = tmp.resolve("baseline");
    assertTrue(Files.exists(wh.resolve("versions").resolve(current(wh)).resolve("_SUCCESS")), "published complete");
    for (String table : List.of("events", "dossiers", "tasks", "officer_weekly", "ward_weekly")) {
      assertFalse(uninterrupted.get(table).isEmpty(), table + " is readable and has rows");
    }
    // that it equals an uninterrupted run: the rerun in the test above must give the same tables
  }

  /** True once a table folder of a version other than the published one exists. */
  static boolean waitForATable(Path wh, String published, int seconds) throws Exception {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    while (System.currentTimeMillis() < deadline) {
      Path versions = wh.resolve("versions");
      if (Files.isDirectory(versions)) {
        try (Stream<Path> s = Files.list(versions)) {
          for (Path v : s.toList()) {
            if (!v.getFileName().toString().equals(published) && Files.isDirectory(v.resolve("events"))) return true;
          }
        }
      }
      Thread.sleep(50);
    }
    return false;
  }
}
