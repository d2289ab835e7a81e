package vn.hcmc.kpi.etl.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A real Spark standalone cluster on this machine, from the project's own jars: a Master and workers, each
 * in its own JVM, as {@code start-master.sh} and {@code start-worker.sh} would start them. Workers launch
 * executors from {@code SPARK_HOME/jars}, so a Spark home is laid out with links to the class path's jars.
 *
 * <p>Every process is started under a watchdog shell that kills it when this JVM's end of its stdin closes,
 * so even a test JVM that is itself killed leaves nothing running; {@link #close} kills the process trees.
 */
final class StandaloneCluster implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final Duration START_TIMEOUT = Duration.ofMinutes(2);

  private final Path dir;
  private final List<Path> jars;
  private final List<String> javaOptions;
  private final Path sparkHome;
  private final List<Process> started = new ArrayList<>();
  private final List<Process> workers = new ArrayList<>();
  private final Thread shutdownHook = new Thread(this::killAll, "standalone-cluster-cleanup");
  private int masterPort;
  private int masterUiPort;

  /**
   * @param dir where the Spark home, logs and work folders go
   * @param jars the Spark application class path (Spark, Hadoop, …; not the application itself)
   * @param javaOptions JVM options of every daemon (the project's --add-opens flags)
   */
  StandaloneCluster(Path dir, List<Path> jars, List<String> javaOptions) throws IOException {
    if (jars.isEmpty()) throw new IllegalArgumentException("no jars for the cluster's class path");
    this.dir = dir;
    this.jars = List.copyOf(jars);
    this.javaOptions = List.copyOf(javaOptions);
    this.sparkHome = dir.resolve("spark-home");
    Files.createDirectories(sparkHome.resolve("jars"));
    for (Path jar : jars) {
      Path link = sparkHome.resolve("jars").resolve(jar.getFileName());
      if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(link, jar);
    }
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts the master and {@code workerCount} workers with one core and the given memory each; waits for all. */
  void start(int workerCount, String workerMemory) throws Exception {
    masterPort = freePort();
    masterUiPort = freePort();
    spawn("master", List.of("-Xmx256m"), "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
        "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(masterUiPort));
    for (int i = 1; i <= workerCount; i++) {
      Path work = dir.resolve("work-" + i);
      Files.createDirectories(work);
      workers.add(spawn("worker-" + i, List.of("-Xmx256m"), "org.apache.spark.deploy.worker.Worker",
          "--host", "127.0.0.1", "--webui-port", "0", "--cores", "1", "--memory", workerMemory,
          "--work-dir", work.toString(), masterUrl()));
    }
    await("the master and " + workerCount + " alive workers", START_TIMEOUT, () -> aliveWorkers() == workerCount);
  }

  String masterUrl() { return "spark://127.0.0.1:" + masterPort; }

  /** The environment a Spark process of this cluster needs: workers build executor class paths from it. */
  Map<String, String> environment() {
    return Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.13", "SPARK_LOCAL_IP", "127.0.0.1",
        "JAVA_HOME", System.getProperty("java.home"));
  }

  /** Workers the master counts as alive, from its JSON status page. */
  int aliveWorkers() {
    JsonNode status = getJson(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"));
    return status == null ? -1 : status.path("aliveworkers").asInt(-1);
  }

  List<Process> workers() { return List.copyOf(workers); }

  /** The executor ids running under a worker (from the executor JVMs' command lines). */
  static List<String> executorIds(Process worker) {
    List<String> ids = new ArrayList<>();
    worker.descendants().forEach(p -> {
      String[] args = p.info().arguments().orElse(new String[0]);
      int i = Arrays.asList(args).indexOf("--executor-id");
      if (i >= 0 && i + 1 < args.length) ids.add(args[i + 1]);
    });
    return ids;
  }

  /** SIGKILLs a worker and its executors, as a machine that dies would leave them. */
  static void kill(Process worker) throws InterruptedException {
    List<ProcessHandle> tree = worker.descendants().toList(); // the Worker JVM, its executors (and the watchdog's cat)
    tree.forEach(ProcessHandle::destroyForcibly);
    worker.destroyForcibly();
    for (ProcessHandle p : tree) {
      try {
        p.onExit().get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException("process " + p.pid() + " survived SIGKILL", e);
      }
    }
  }

  /**
   * Starts a JVM with the cluster's class path (plus {@code extraClassPath}) under the watchdog; its output
   * goes to {@code <dir>/<name>.log}.
   */
  Process spawn(String name, List<String> jvmOptions, String mainClass, String... args) throws IOException {
    return spawn(name, List.of(), jvmOptions, mainClass, args);
  }

  Process spawn(String name, List<Path> extraClassPath, List<String> jvmOptions, String mainClass, String... args)
      throws IOException {
    List<String> cp = new ArrayList<>();
    extraClassPath.forEach(p -> cp.add(p.toString()));
    jars.forEach(p -> cp.add(p.toString()));
    List<String> cmd = new ArrayList<>(List.of("bash", "-c",
        // the JVM runs in the background and the shell ends with it, with its status; when stdin closes first
        // (this JVM ended, however: even SIGKILLed), the watchdog kills it
        "exec 3<&0; \"$@\" </dev/null & child=$!; (cat <&3 >/dev/null; kill -9 $child 2>/dev/null) & wait $child",
        "watchdog",
        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(javaOptions);
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, cp), mainClass));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile());
    pb.environment().putAll(environment());
    Process p = pb.start();
    synchronized (started) { started.add(p); }
    return p;
  }

  Path log(String name) { return dir.resolve(name + ".log"); }

  /** The last lines of a process's log, for failure messages. */
  String tail(String name, int lines) {
    try (Stream<String> s = Files.lines(log(name))) {
      List<String> all = s.toList();
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  static JsonNode getJson(URI uri) {
    try {
      var c = (java.net.HttpURLConnection) uri.toURL().openConnection();
      c.setConnectTimeout(2000);
      c.setReadTimeout(5000);
      try (var in = c.getInputStream()) {
        return JSON.readTree(in);
      } finally {
        c.disconnect();
      }
    } catch (IOException e) {
      return null; // not up yet, or gone
    }
  }

  static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      Thread.sleep(200);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  private void killAll() {
    List<Process> all;
    synchronized (started) { all = new ArrayList<>(started); }
    for (Process p : all) {
      List<ProcessHandle> tree = p.descendants().toList();
      tree.forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      closeQuietly(p);
    }
    for (Process p : all) {
      try {
        p.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Ends the watchdog of a process that exited (its stdin is closed). */
  static void closeQuietly(Process p) {
    try {
      p.getOutputStream().close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override public void close() {
    killAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook runs anyway
    }
  }
}
