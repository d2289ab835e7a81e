package vn.hcmc.kpi.etl.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher runs a small incremental run (less new input than KPI_ETL_C1_BELOW_MB) with C1 only and a 256 MB
 * young generation, and says so; full runs and big incremental runs keep C2 and a growing young generation. New
 * input = the files newer than the warehouse's CURRENT. Transparent huge pages for the others wherever the kernel
 * grants them on request. Checked on the java command line the launcher really runs (KPI_ETL_SHOW_JAVA=1).
 */
class LauncherJitTest {
  static final String C1 = "C1 JIT only (-XX:TieredStopAtLevel=1)";
  static final String YOUNG = " -Xmn256m ";
  static final String THP = " -XX:+UseTransparentHugePages ";

  @TempDir Path tmp;

  private Path input(long bytes) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("in/events"));
    Path f = dir.resolve("events-2026-11-19.csv");
    Files.write(f, new byte[(int) bytes]);
    return dir;
  }

  private String run(Map<String, String> env, String... args) throws Exception {
    Map<String, String> shown = new HashMap<>(env);
    shown.put("KPI_ETL_SHOW_JAVA", "1");
    return Launcher.run(shown, tmp.resolve("log-" + System.nanoTime() + ".txt"), args).output();
  }

  /** The java command line the launcher printed, with a space at each end so that options match whole. */
  private static String javaCommand(String out) {
    return out.lines().filter(l -> l.startsWith("kpi: java ")).findFirst()
        .map(l -> l.substring("kpi:".length()) + " ")
        .orElseThrow(() -> new AssertionError("no java command line in:\n" + out));
  }

  /** As the launcher decides: huge pages on request only when the kernel's mode is "madvise". */
  private static boolean kernelGrantsHugePagesOnRequest() throws Exception {
    Path mode = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    return Files.isReadable(mode) && Files.readString(mode).contains("[madvise]");
  }

  @Test
  void aSmallIncrementalRunIsC1Only() throws Exception {
    Path in = input(2 << 20);
    Path wh = Files.createDirectories(tmp.resolve("wh"));
    String out = run(Map.of(), "etl", "--incremental", "--input", in.toString(), "--warehouse", wh.toString());
    assertTrue(out.contains("incremental run with 2 MB of new input (below 64 MB): " + C1), out);
    assertTrue(javaCommand(out).contains(" -XX:TieredStopAtLevel=1 "), out);
    assertTrue(out.contains("small incremental run: young generation of 256 MB (-Xmn256m)"), out);
    assertTrue(javaCommand(out).contains(YOUNG), out);
    assertFalse(javaCommand(out).contains(THP), out);
  }

  @Test
  void aYoungGenerationOfTheUsersWins() throws Exception {
    Path in = input(2 << 20);
    Path wh = Files.createDirectories(tmp.resolve("wh"));
    for (String opts : new String[] {"-Xmx1g -Xmn128m", "-Xmx1g -XX:NewSize=64m", "-Xmx1g -XX:NewRatio=3"}) {
      String out = run(Map.of("KPI_ETL_JAVA_OPTS", opts), "etl", "--incremental", "--input", in.toString(),
          "--warehouse", wh.toString());
      assertFalse(javaCommand(out).contains(YOUNG), out);
      assertTrue(javaCommand(out).contains(" " + opts + " "), out);
      assertTrue(out.contains(C1), out);   // the JIT choice does not depend on it
    }
  }

  @Test
  void hugePagesWhereTheKernelGrantsThemOnRequestUnlessTurnedOff() throws Exception {
    Path in = input(1024);
    String wh = tmp.resolve("wh").toString();
    String out = run(Map.of(), "etl", "--input", in.toString(), "--warehouse", wh);
    assertEquals(kernelGrantsHugePagesOnRequest(), javaCommand(out).contains(THP), out);
    out = run(Map.of("KPI_ETL_THP", "0"), "etl", "--input", in.toString(), "--warehouse", wh);
    assertFalse(javaCommand(out).contains(THP), out);
    out = run(Map.of("KPI_ETL_JAVA_OPTS", "-Xmx1g -XX:-UseTransparentHugePages"), "etl", "--input", in.toString(),
        "--warehouse", wh);
    assertFalse(javaCommand(out).contains(THP), out);
    assertTrue(javaCommand(out).contains(" -XX:-UseTransparentHugePages "), out);
  }

  @Test
  void moreNewInputThanTheThresholdKeepsC2() throws Exception {
    Path in = input(2 << 20);
    Path wh = Files.createDirectories(tmp.resolve("wh"));
    String out = run(Map.of("KPI_ETL_C1_BELOW_MB", "1"), "etl", "--incremental", "--input", in.toString(),
        "--warehouse", wh.toString());
    assertFalse(out.contains(C1), out);
    assertFalse(javaCommand(out).contains(YOUNG), out);
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
    assertTrue(javaCommand(out).contains(YOUNG), out);   // still a small run: the young generation is its own choice
  }

  @Test
  void aFullRunKeepsC2() throws Exception {
    Path in = input(1024);
    String out = run(Map.of(), "etl", "--input", in.toString(), "--warehouse", tmp.resolve("wh").toString());
    assertFalse(out.contains(C1), out);
    assertFalse(javaCommand(out).contains(" -XX:TieredStopAtLevel="), out);
    assertFalse(javaCommand(out).contains(YOUNG), out);
  }
}
