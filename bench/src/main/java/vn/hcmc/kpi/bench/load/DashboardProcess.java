package vn.hcmc.kpi.bench.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The real dashboard, started through the launcher ({@code ./kpi serve}, which execs the JVM, so the
 * child's pid is the server's) with the demo profile (known accounts and pseudonym secret), its SQL
 * audit in the output folder and its log in a file. Peak RSS is the kernel's VmHWM of that process.
 */
final class DashboardProcess implements AutoCloseable {

  static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final Process process;
  private final URI base;
  private final Path log;

  private DashboardProcess(Process process, URI base, Path log) {
    this.process = process;
    this.base = base;
    this.log = log;
  }

  /** Starts {@code root/kpi serve} on {@code port} (0: a free one) and waits until /login answers 200. */
  static DashboardProcess start(Path root, Path warehouse, int port, Path out, String javaOptions)
      throws IOException, InterruptedException {
    int chosen = port == 0 ? freePort() : port;
    Path log = out.resolve("load-dashboard.log");
    List<String> command = new ArrayList<>(List.of(root.resolve("kpi").toString(), "serve", "--warehouse",
        warehouse.toAbsolutePath().toString(), "--port", String.valueOf(chosen), "--spring.profiles.active=demo",
        "--kpi.sql.audit-dir=" + out.resolve("load-audit").toAbsolutePath()));
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    if (javaOptions != null) {
      builder.environment().put("KPI_SERVE_JAVA_OPTS", javaOptions);
    }
    DashboardProcess dashboard = new DashboardProcess(builder.start(), URI.create("http://127.0.0.1:" + chosen), log);
    try {
      dashboard.awaitReady();
    } catch (IOException | InterruptedException | RuntimeException e) {
      dashboard.close();
      throw e;
    }
    return dashboard;
  }

  /**
   * Waits until the dashboard's log has a line containing {@code text} (e.g. that a version's background
   * tables are built); false if it has none within {@code timeout} or the dashboard stopped.
   */
  boolean awaitLog(String text, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (process.isAlive()) {
      if (Files.readString(log).contains(text)) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(500);
    }
    return false;
  }

  URI base() {
    return base;
  }

  private void awaitReady() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("the dashboard stopped (exit " + process.exitValue() + ") before it was ready; "
            + "its log " + log + " ends with:\n" + tail());
      }
      try {
        int status = http.send(HttpRequest.newBuilder(base.resolve("/login")).timeout(Duration.ofSeconds(5)).build(),
            BodyHandlers.discarding()).statusCode();
        if (status == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IOException("the dashboard was not ready within " + START_TIMEOUT + "; see " + log + ":\n" + tail());
  }

  /** The server's peak resident memory so far, in kB (VmHWM), 0 if unknown. */
  long peakRssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // no /proc (not Linux) or the process is gone
    }
    return 0;
  }

  private String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
