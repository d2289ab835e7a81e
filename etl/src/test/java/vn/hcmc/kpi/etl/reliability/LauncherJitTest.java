package vn.hcmc.kpi.etl.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher runs a small incremental run (less new input than KPI_ETL_C1_BELOW_MB) with C1 only, and says so;
 * full runs and big incremental runs keep C2. New input = the files newer than the warehouse's CURRENT.
 */
class LauncherJitTest {
  static final String C1 = "C1 JIT only (-XX:TieredStopAtLevel=1)";

  @TempDir Path tmp;

  private Path input(long bytes) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("in/events"));
    Path f = dir.resolve("events-2026-11-19.csv");
    Files.write(f, new byte[(int) bytes]);
    return dir;
  }

  private String run(Map<String, String> env, String... args) throws Exception {
    return Launcher.run(env, tmp.resolve("log-" + System.nanoTime() + ".txt"), args).output();
  }

  @Test
  void aSmallIncrementalRunIsC1Only() throws Exception {
    Path in = input(2 << 20);
    Path wh = Files.createDirectories(tmp.resolve("wh"));
    String out = run(Map.of(), "etl", "--incremental", "--input", in.toString(), "--warehouse", wh.toString());
    assertTrue(out.contains("incremental run with 2 MB of new input (below 64 MB): " + C1), out);
  }

  @Test
  void moreNewInputThanTheThresholdKeepsC2() throws Exception {
    Path in = input(2 << 20);
    Path wh = Files.createDirectories(tmp.resolve("wh"));
    String out = run(Map.of("KPI_ETL_C1_BELOW_MB", "1"), "etl", "--incremental", "--input", in.toString(),
        "--warehouse", wh.toString());
    assertFalse(out.contains(C1), out);
  }

  @Test
  void filesOlderThanTheWarehousesCurrentAreNotNew() throws Exception {
    Path in = input(2 << 20);
    Files.setLastModifiedTime(in.resolve("events-2026-11-19.csv"), FileTime.from(Instant.now().minusSeconds(3600)));
    Path wh = Files.createDirectories(tmp.resolve("wh"));
    Files.writeString(wh.resolve("CURRENT"), "v1\n");
    String out = run(Map.of("KPI_ETL_C1_BELOW_MB", "1"), "etl", "--incremental", "--input", in.toString(),
        "--reference", tmp.toString(), "--warehouse", wh.toString());
    assertTrue(out.contains("incremental run with 0 MB of new input (below 1 MB): " + C1), out);
  }

  @Test
  void aTierOptionOfTheUsersWins() throws Exception {
    Path in = input(2 << 20);
    Path wh = Files.createDirectories(tmp.resolve("wh"));
    String out = run(Map.of("KPI_ETL_JAVA_OPTS", "-Xmx1g -XX:TieredStopAtLevel=4"), "etl", "--incremental", "--input",
        in.toString(), "--warehouse", wh.toString());
    assertFalse(out.contains(C1), out);
  }

  @Test
  void aFullRunKeepsC2() throws Exception {
    Path in = input(1024);
    String out = run(Map.of(), "etl", "--input", in.toString(), "--warehouse", tmp.resolve("wh").toString());
    assertFalse(out.contains(C1), out);
  }
}
