package vn.hcmc.kpi.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One ETL run through the real launcher in a fresh JVM: wall time and the peak resident memory of
 * the driver process (VmHWM from /proc, polled while it runs).
 */
record EtlRun(double seconds, long peakRssKb) {

  static EtlRun run(Path root, Path logs, Path warehouse, String heap, Path log) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(List.of(root.resolve("kpi").toString(), "etl", "--input",
        logs.resolve("events").toAbsolutePath().toString(), "--reference", logs.resolve("reference").toAbsolutePath().toString(),
        "--warehouse", warehouse.toAbsolutePath().toString(), "--keep-versions", "1"))
        .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("KPI_ETL_JAVA_OPTS", "-Xmx" + heap);
    long t0 = System.nanoTime();
    Process p = pb.start();
    long peak = 0;
    Path status = Path.of("/proc", String.valueOf(p.pid()), "status");
    while (p.isAlive()) {
      peak = Math.max(peak, hwm(status));
      Thread.sleep(100);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (p.exitValue() != 0) {
      throw new IllegalStateException("the ETL failed (exit " + p.exitValue() + "), see " + log + ":\n"
          + Files.readString(log));
    }
    return new EtlRun(seconds, peak);
  }

  private static long hwm(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    } catch (Exception e) {
      // the process ended between the check and the read
    }
    return 0;
  }
}
