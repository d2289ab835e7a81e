package vn.hcmc.kpi.etl.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hcmc.kpi.etl.cli.EtlCommand;
import vn.hcmc.kpi.etl.clock.ClockSettings;
import vn.hcmc.kpi.etl.generate.GeneratorOptions;
import vn.hcmc.kpi.etl.generate.LogGenerator;
import vn.hcmc.kpi.etl.reference.ReferenceData;

/**
 * Reliability promise: a warehouse that cannot be written, a full disk, or an input that vanishes
 * after it was listed each give a clear error, and the published version stays intact. The first two
 * use a read-only bind mount and a small tmpfs (root and mount(8) needed, as in CI; skipped otherwise).
 */
class EnvironmentFaultsTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC);
  @TempDir static Path tmp;
  static Path small;
  static Path large;

  @BeforeAll
  static void logs() throws Exception {
    LogGenerator gen = new LogGenerator(ReferenceData.defaults());
    gen.writeTo(new GeneratorOptions(List.of("26782"), LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-08"),
        0.1, 1), tmp.resolve("small"));
    gen.writeTo(new GeneratorOptions(List.of("26782", "27460", "27364"), LocalDate.parse("2026-02-02"),
        LocalDate.parse("2026-03-08"), 1.0, 2), tmp.resolve("large"));
    small = tmp.resolve("small/events");
    large = tmp.resolve("large/events");
  }

  static KpiJob.RunSummary run(Path input, Path warehouse) {
    return new KpiJob(TestSpark.get(), new EtlOptions(List.of(input.toString()), warehouse.toString(), null, null, null,
        ClockSettings.DEFAULTS, 3), CLOCK).run();
  }

  static boolean sh(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  static void assertPublishedIntact(Path warehouse, String version, long dossiers) throws Exception {
    assertEquals(version, Files.readString(warehouse.resolve("CURRENT")).strip());
    try (WarehouseReader r = new WarehouseReader(warehouse)) {
      assertEquals(dossiers, r.value("select count(*) from dossiers"));
    }
  }

  @Test
  void aReadOnlyWarehouseGivesAClearErrorAndKeepsThePublishedVersion() throws Exception {
    Path src = tmp.resolve("ro-src");
    Path mnt = tmp.resolve("ro");
    Files.createDirectories(src);
    Files.createDirectories(mnt);
    KpiJob.RunSummary first = run(small, src);
    assumeTrue(sh("mount", "--bind", src.toString(), mnt.toString()), "needs root and mount(8)");
    try {
      assertTrue(sh("mount", "-o", "remount,bind,ro", mnt.toString()));
      Exception e = assertThrows(Exception.class, () -> run(small, mnt));
      String message = EtlCommand.describe(e);
      assertTrue(message.contains(mnt.toString()) && message.contains("Read-only"), message);
      assertPublishedIntact(mnt, first.runId(), first.dossiers());
    } finally {
      sh("umount", "-l", mnt.toString()); // lazy: a failed Spark writer may still hold a file there
    }
  }

  @Test
  void aFullDiskGivesAClearErrorAndKeepsThePublishedVersion() throws Exception {
    Path sized = tmp.resolve("sized");
    KpiJob.RunSummary first = run(small, sized);
    long used = sizeOf(sized);
    Path mnt = tmp.resolve("tmpfs");
    Files.createDirectories(mnt);
    // room for the small warehouse and a little more, not for the large run's version
    assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=" + (used + 256 * 1024), "tmpfs", mnt.toString()),
        "needs root and mount(8)");
    try {
      assertTrue(sh("cp", "-a", sized + "/.", mnt.toString()));
      Exception e = assertThrows(Exception.class, () -> run(large, mnt));
      String message = EtlCommand.describe(e);
      assertTrue(message.toLowerCase().contains("no space left"), message);
      assertPublishedIntact(mnt, first.runId(), first.dossiers());
    } finally {
      sh("umount", "-l", mnt.toString()); // lazy: a failed Spark writer may still hold a file there
    }
  }

  @Test
  void anInputDeletedAfterListingFailsNamingIt() throws Exception {
    Path dir = tmp.resolve("vanishing");
    Files.createDirectories(dir);
    Path keep;
    try (Stream<Path> s = Files.list(small)) { keep = s.findFirst().orElseThrow(); }
    Path gone = Files.copy(keep, dir.resolve("gone.csv"));
    List<InputFile> listed = KpiJob.listLogFiles(List.of(dir.toString()));
    Files.delete(gone);
    KpiJob job = new KpiJob(TestSpark.get(), new EtlOptions(List.of(dir.toString()), tmp.resolve("x").toString(), null,
        null, null, ClockSettings.DEFAULTS, 3), CLOCK);
    Exception e = assertThrows(Exception.class, () -> job.readForFold(listed, 2));
    String message = EtlCommand.describe(e);
    assertTrue(message.contains("gone.csv"), message);
  }

  static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
