package vn.hcmc.kpi.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One ETL run through the real launcher in a fresh JVM: wall time and the peak resident memory of
 * the driver process (VmHWM from /proc, polled while it runs, of the launcher and its children).
 */
record EtlRun(double seconds, long peakRssKb) {

  /** The full ETL into a warehouse (one version kept). */
  static EtlRun run(Path root, Path logs, Path warehouse, String heap, Path log) throws Exception {
    return run(root, logs, heap, log, "--warehouse", warehouse.toAbsolutePath().toString(), "--keep-versions", "1");
  }

  /** The weekly tables only ({@code kpi etl --figures-only}) into a folder emptied first. */
  static EtlRun figuresOnly(Path root, Path logs, Path out, String heap, Path log) throws Exception {
    if (java.nio.file.Files.exists(out)) {
      try (var s = java.nio.file.Files.walk(out)) {
        for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) java.nio.file.Files.delete(p);
      }
    }
    return run(root, logs, heap, log, "--figures-only", out.toAbsolutePath().toString());
  }

  private static EtlRun run(Path root, Path logs, String heap, Path log, String... output) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(root.resolve("kpi").toString(), "etl", "--input",
        logs.resolve("events").toAbsolutePath().toString(), "--reference", logs.resolve("reference").toAbsolutePath().toString()));
    command.addAll(List.of(output));
    ProcessBuilder pb = new ProcessBuilder(command)
        .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("KPI_ETL_JAVA_OPTS", "-Xmx" + heap);
    long t0 = System.nanoTime();
    Process p = pb.start();
    long peak = 0;
    while (p.isAlive()) {
      // the launcher's shell and its java: the shell waits for java (not exec) when java writes the class archive
      peak = Math.max(peak, hwm(p.toHandle()));
      for (ProcessHandle child : p.descendants().toList()) peak = Math.max(peak, hwm(child));
      Thread.sleep(100);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (p.exitValue() != 0) {
      throw new IllegalStateException("the ETL failed (exit " + p.exitValue() + "), see " + log + ":\n"
          + Files.readString(log));
    }
    return new EtlRun(seconds, peak);
  }

  private static long hwm(ProcessHandle process) {
    Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
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
