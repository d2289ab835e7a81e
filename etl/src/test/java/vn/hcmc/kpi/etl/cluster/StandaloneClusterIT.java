package vn.hcmc.kpi.etl.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.hcmc.kpi.etl.job.WarehousePublisher;
import vn.hcmc.kpi.etl.job.WarehouseReader;

/**
 * The ETL's spark jar, submitted with spark-submit's own main class to a real standalone cluster on this machine
 * (a master and two one-core workers, separate JVMs, from the project's Maven jars), gives exactly the tables of
 * the local-mode run that built the fixture warehouse from the same logs; and it still does when a worker and its
 * executor are SIGKILLed in the middle of the job (docs/reliability.md, promise 9).
 *
 * <p>Runs in the integration-test phase (failsafe): it needs the packaged {@code -spark.jar} and the fixture
 * warehouse, both built in the package phase; the pom passes their places as system properties.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
  /** Columns that name the run rather than describe the data: they differ between any two runs. */
  static final Map<String, String> RUN_COLUMNS = Map.of("runs", "run_id, started_at, finished_at, inputs",
      "rejects", "run_id", "data_quality", "run_id");
  static final Duration RUN_TIMEOUT = Duration.ofMinutes(8);
  static final String EXECUTOR_MEMORY = "1g";

  static Path fixture;
  static Path sparkJar;
  static Path dir;
  static StandaloneCluster cluster;
  static Map<String, List<Map<String, Object>>> local;

  @BeforeAll
  static void startCluster() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")) && canRun("bash", "-c", "true"),
        "the standalone cluster test needs Linux and bash (process command lines, the watchdog shell)");
    fixture = Path.of(required("kpi.fixture.dir"));
    sparkJar = Path.of(required("kpi.spark.jar"));
    Path fixtureWarehouse = fixture.resolve("warehouse");
    for (Path p : List.of(sparkJar, fixture.resolve("logs/events"), fixture.resolve("extra"),
        fixtureWarehouse.resolve(WarehousePublisher.CURRENT))) {
      if (!Files.exists(p)) fail(p + " is missing: it is built in the package phase; run this test with mvn verify");
    }
    local = tables(fixtureWarehouse);
    dir = Path.of(required("kpi.cluster.dir"));
    deleteTree(dir);
    Files.createDirectories(dir);
    List<Path> jars = Arrays.stream(Files.readString(Path.of(required("kpi.spark.classpath"))).strip()
        .split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
    List<String> opens = Arrays.stream(required("kpi.spark.module.opens").trim().split("\\s+")).toList();
    cluster = new StandaloneCluster(dir, jars, opens);
    cluster.start(2, EXECUTOR_MEMORY);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) cluster.close();
  }

  @Test
  @Order(1)
  void aClusterRunGivesTheTablesOfTheLocalRun() throws Exception {
    Path warehouse = dir.resolve("warehouse-1");
    long start = System.nanoTime();
    Process driver = submit("driver-1", warehouse, false);
    try {
      assertEquals(0, finish(driver, "driver-1"), cluster.tail("driver-1", 40));
    } finally {
      destroy(driver);
    }
    System.out.printf("cluster run: %d s%n", (System.nanoTime() - start) / 1_000_000_000L);
    assertSameTables(local, tables(warehouse));
    for (int i = 1; i <= 2; i++) {
      assertTrue(ranTasks(dir.resolve("work-" + i)), "worker " + i + "'s executor ran no task: not a cluster run");
    }
  }

  @Test
  @Order(2)
  void losingAWorkerMidJobStillFinishesWithTheSameTables() throws Exception {
    Assumptions.assumeTrue(cluster.aliveWorkers() == 2, "needs both workers alive");
    Path warehouse = dir.resolve("warehouse-2");
    int uiPort = StandaloneCluster.freePort();
    Process driver = submit("driver-2", warehouse, true, "--conf", "spark.ui.port=" + uiPort);
    try {
      String victim = awaitMidJob(driver, uiPort);
      Process worker = cluster.workers().stream()
          .filter(w -> StandaloneCluster.executorIds(w).contains(victim)).findFirst()
          .orElseThrow(() -> new AssertionError("no worker runs executor " + victim));
      StandaloneCluster.kill(worker);
      System.out.printf("killed the worker of executor %s mid-job%n", victim);
      int exit = finish(driver, "driver-2");
      assertEquals(0, exit, cluster.tail("driver-2", 60));
      String log = Files.readString(cluster.log("driver-2"));
      assertTrue(log.contains("Lost executor " + victim), "the driver never lost the executor:\n" + log);
      assertSameTables(local, tables(warehouse));
    } finally {
      destroy(driver);
    }
  }

  /**
   * Waits until the job is well under way — two Spark jobs done (so executors hold cached and shuffle data) and an
   * executor that already finished tasks is running one — and returns that executor's id.
   */
  static String awaitMidJob(Process driver, int uiPort) throws InterruptedException {
    String api = "http://127.0.0.1:" + uiPort + "/api/v1/applications";
    String[] victim = new String[1];
    StandaloneCluster.await("the job to be mid-way (driver UI on " + uiPort + ")", RUN_TIMEOUT, () -> {
      if (!driver.isAlive()) throw new AssertionError("the job ended before a worker could be killed mid-job:\n"
          + cluster.tail("driver-2", 40));
      JsonNode apps = StandaloneCluster.getJson(URI.create(api));
      if (apps == null || apps.size() == 0) return false;
      String app = api + "/" + apps.get(0).path("id").asText();
      JsonNode done = StandaloneCluster.getJson(URI.create(app + "/jobs?status=succeeded"));
      if (done == null || done.size() < 2) return false;
      JsonNode executors = StandaloneCluster.getJson(URI.create(app + "/executors"));
      if (executors == null) return false;
      for (JsonNode e : executors) {
        if (!e.path("id").asText().equals("driver") && e.path("activeTasks").asInt() > 0
            && e.path("completedTasks").asInt() > 0) {
          victim[0] = e.path("id").asText();
          return true;
        }
      }
      return false;
    });
    return victim[0];
  }

  /**
   * Submits the ETL as README's spark-submit line does (SparkSubmit is spark-submit's main class), reading the
   * fixture's logs and writing a warehouse, all given as file: URIs.
   */
  static Process submit(String name, Path warehouse, boolean ui, String... conf) throws IOException {
    List<String> args = new ArrayList<>(List.of("--master", cluster.masterUrl(), "--deploy-mode", "client",
        "--name", name, "--class", "vn.hcmc.kpi.etl.cli.Main",
        "--executor-memory", EXECUTOR_MEMORY, "--executor-cores", "1", "--total-executor-cores", "2",
        "--conf", "spark.ui.enabled=" + ui));
    args.addAll(List.of(conf));
    args.addAll(List.of(sparkJar.toString(), "etl",
        "--input", "file:" + fixture.resolve("logs/events"), "file:" + fixture.resolve("extra"),
        "--reference", fixture.resolve("logs/reference").toString(),
        "--warehouse", "file:" + warehouse, "--keep-versions", "1"));
    return cluster.spawn(name, List.of("-Xmx1g", "-Dlog4j.configurationFile=" + required("kpi.log4j.config")),
        "org.apache.spark.deploy.SparkSubmit", args.toArray(String[]::new));
  }

  static int finish(Process driver, String name) throws InterruptedException {
    if (!driver.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      fail("the driver did not finish within " + RUN_TIMEOUT + ":\n" + cluster.tail(name, 40));
    }
    StandaloneCluster.closeQuietly(driver);
    return driver.exitValue();
  }

  static void destroy(Process driver) {
    driver.descendants().forEach(ProcessHandle::destroyForcibly);
    driver.destroyForcibly();
    StandaloneCluster.closeQuietly(driver);
  }

  /** Every table of the published version, rows in order, without the run's own columns. */
  static Map<String, List<Map<String, Object>>> tables(Path warehouse) throws Exception {
    String version = Files.readString(warehouse.resolve(WarehousePublisher.CURRENT)).strip();
    List<String> names;
    try (Stream<Path> s = Files.list(warehouse.resolve(WarehousePublisher.VERSIONS).resolve(version))) {
      // folders with a leading underscore (the incremental state) are private, as the dashboard treats them
      names = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("_"))
          .sorted().toList();
    }
    Map<String, List<Map<String, Object>>> out = new TreeMap<>();
    try (WarehouseReader r = new WarehouseReader(warehouse)) {
      for (String t : names) {
        String cols = RUN_COLUMNS.containsKey(t) ? "* exclude (" + RUN_COLUMNS.get(t) + ")" : "*";
        // runs also holds the rows of earlier runs into the same warehouse (a rebuilt fixture): this run's only
        String where = t.equals("runs") ? " where run_id = '" + version + "'" : "";
        out.put(t, r.rows("select " + cols + " from " + t + where + " order by all"));
      }
    }
    return out;
  }

  /** Same tables and, in each, the same rows; a failure names the table and its first differing row. */
  static void assertSameTables(Map<String, List<Map<String, Object>>> expected,
                               Map<String, List<Map<String, Object>>> actual) {
    assertEquals(expected.keySet(), actual.keySet(), "tables");
    for (String t : expected.keySet()) {
      List<Map<String, Object>> e = expected.get(t);
      List<Map<String, Object>> a = actual.get(t);
      assertEquals(e.size(), a.size(), "rows of " + t);
      assertTrue(e.size() > 0 || t.equals("pauses") || t.equals("rejects") || t.equals("data_quality"),
          t + " is empty in the local run: nothing compared");
      for (int i = 0; i < e.size(); i++) assertEquals(e.get(i), a.get(i), t + ", row " + i + " in order");
    }
  }

  /** Whether an executor under a worker's work folder logged a task it ran. */
  static boolean ranTasks(Path work) throws IOException {
    try (Stream<Path> s = Files.walk(work)) {
      for (Path stderr : s.filter(p -> p.getFileName().toString().equals("stderr")).toList()) {
        if (Files.readString(stderr).contains("Running task")) return true;
      }
    }
    return false;
  }

  static String required(String property) {
    String v = System.getProperty(property);
    if (v == null || v.isBlank()) fail("system property " + property + " is not set: run this test with mvn verify");
    return v;
  }

  static boolean canRun(String... cmd) {
    try {
      return new ProcessBuilder(cmd).start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
    }
  }
}
