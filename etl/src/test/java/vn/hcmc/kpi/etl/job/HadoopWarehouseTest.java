package vn.hcmc.kpi.etl.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkEnv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hcmc.kpi.etl.cli.RunsCommand;
import vn.hcmc.kpi.etl.clock.ClockSettings;
import vn.hcmc.kpi.etl.generate.GeneratorOptions;
import vn.hcmc.kpi.etl.generate.LogGenerator;
import vn.hcmc.kpi.etl.reference.ReferenceData;

/**
 * A warehouse and inputs given as Hadoop URIs of a non-local file system go through Hadoop's FileSystem API
 * with the same publishing contract as a local folder: versions, an atomic CURRENT switch, keep and retire.
 */
class HadoopWarehouseTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
  static final List<String> TABLES = List.of("events", "dossiers", "tasks", "pauses", "officer_weekly",
      "procedure_weekly", "ward_weekly", "ward_hourly", "units", "procedures", "officers");

  @TempDir Path tmp;

  static String uri(Path p) { return KpiTestFileSystem.SCHEME + "://" + p.toAbsolutePath(); }

  @Test
  void bareLocalAndFileUrisStayLocalOtherSchemesGoThroughHadoop() {
    Configuration conf = new Configuration();
    assertInstanceOf(LocalWarehouseFs.class, WarehouseFs.of(tmp.toString(), conf));
    WarehouseFs file = WarehouseFs.of("file:" + tmp, conf);
    assertInstanceOf(LocalWarehouseFs.class, file);
    assertEquals(tmp.resolve("versions").toString(), file.location("versions"), "same locations as a bare path");
    assertInstanceOf(HadoopWarehouseFs.class, WarehouseFs.of(uri(tmp), conf));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WarehouseFs.of("nosuchfs://bucket/wh", conf));
    assertTrue(e.getMessage().contains("nosuchfs://bucket/wh"), e.getMessage());

    // where the default file system is not local (a cluster's core-site.xml), a bare path is not local either,
    // and a file: warehouse is handed to Spark as file: so that Spark does not resolve it elsewhere
    Configuration cluster = new Configuration();
    cluster.set("fs.defaultFS", KpiTestFileSystem.SCHEME + ":///");
    assertInstanceOf(HadoopWarehouseFs.class, WarehouseFs.of(tmp.toString(), cluster));
    assertEquals("file:" + tmp.resolve("versions"), WarehouseFs.of("file:" + tmp, cluster).location("versions"));
  }

  @Test
  void publishingThroughHadoopSwitchesByRenameKeepsAndRetiresVersions() throws Exception {
    WarehousePublisher p = new WarehousePublisher(uri(tmp), 2, new Configuration());
    Instant now = Instant.now();
    version(p, "v1", now.minus(3, ChronoUnit.HOURS));
    version(p, "v2", now.minus(2, ChronoUnit.HOURS));   // replaced v1 two hours ago
    version(p, "v3", now.minus(1, ChronoUnit.MINUTES)); // replaced v2 a minute ago
    p.create("v0-crashed");
    assertTrue(p.create("v4").startsWith(KpiTestFileSystem.SCHEME + ":"), "Spark is given the URI");
    int renames = KpiTestFileSystem.RENAMES.get();
    p.publish("v4");
    assertEquals(renames + 1, KpiTestFileSystem.RENAMES.get(), "CURRENT is switched by one rename");
    assertEquals("v4", p.current());
    assertEquals("v4", Files.readString(tmp.resolve("CURRENT")).strip());
    assertEquals(List.of("v2", "v3", "v4"), p.versions(), "v1 retired, v2 replaced only a minute ago, v0 unfinished");
    try (var s = Files.list(tmp)) {
      assertTrue(s.noneMatch(f -> f.getFileName().toString().startsWith("CURRENT.")), "no pointer temp files left");
    }
  }

  @Test
  void anObjectStoreGetsItsPointerInOnePutNotARename() throws Exception {
    Configuration conf = new Configuration();
    conf.set("fs.s3a.impl", KpiTestFileSystem.class.getName()); // stands in for S3: no AWS here
    conf.setBoolean("fs.s3a.impl.disable.cache", true);
    WarehousePublisher p = new WarehousePublisher("s3a://bucket" + tmp.toAbsolutePath(), 3, conf);
    p.create("v1");
    int renames = KpiTestFileSystem.RENAMES.get();
    p.publish("v1");
    assertEquals(renames, KpiTestFileSystem.RENAMES.get(), "s3a's rename is a copy: the pointer is written in place");
    assertEquals("v1", p.current());
    assertTrue(Files.exists(tmp.resolve("versions/v1/_SUCCESS")));
  }

  @Test
  void theEtlReadsAndPublishesThroughAHadoopFileSystemWithTheSameTables() throws Exception {
    new LogGenerator(ReferenceData.defaults()).writeTo(new GeneratorOptions(List.of("27460"),
        LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-15"), 0.2, 3), tmp.resolve("logs"));
    KpiJob.RunSummary local = etl(tmp.resolve("logs/events").toString(), tmp.resolve("wh-local").toString());
    KpiJob.RunSummary hadoop = etl(uri(tmp.resolve("logs/events")), uri(tmp.resolve("wh-hadoop")));
    assertTrue(hadoop.version().startsWith(KpiTestFileSystem.SCHEME + ":"), hadoop.version());
    assertEquals(local.rowsRead(), hadoop.rowsRead());
    try (WarehouseReader a = new WarehouseReader(tmp.resolve("wh-local"));
         WarehouseReader b = new WarehouseReader(tmp.resolve("wh-hadoop"))) {
      for (String t : TABLES) assertEquals(a.rows(ordered(t)), b.rows(ordered(t)), t);
      assertEquals(List.of(uri(tmp.resolve("logs/events"))),
          List.of(b.value("select inputs from runs")), "the runs table names the URI given");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, RunsCommand.run(new String[] {"--warehouse", uri(tmp.resolve("wh-hadoop"))},
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("* " + hadoop.runId()), out.toString());
  }

  @Test
  void tasksSeeTheApplicationsSparkHadoopSettings() {
    TestSpark.get();
    SparkEnv.get().conf().set("spark.hadoop.kpi.test.setting", "from-spark-conf");
    try {
      assertEquals("from-spark-conf", LogFiles.taskConfiguration().get("kpi.test.setting"));
    } finally {
      SparkEnv.get().conf().remove("spark.hadoop.kpi.test.setting");
    }
    assertFalse(LogFiles.taskConfiguration().get("kpi.test.setting", "unset").equals("from-spark-conf"));
  }

  KpiJob.RunSummary etl(String input, String warehouse) {
    EtlOptions o = new EtlOptions(List.of(input), warehouse, null, tmp.resolve("logs/reference"), null,
        ClockSettings.DEFAULTS, 3);
    return new KpiJob(TestSpark.get(), o, CLOCK).run();
  }

  /** A complete version whose _SUCCESS marker was written at the given time (the files are on the local disk). */
  void version(WarehousePublisher p, String id, Instant completed) throws Exception {
    p.create(id);
    p.fs().createDirectories("versions/" + id + "/dossiers");
    p.fs().writeString("versions/" + id + "/_SUCCESS", id);
    Files.setLastModifiedTime(tmp.resolve("versions/" + id + "/_SUCCESS"), FileTime.from(completed));
  }

  static String ordered(String table) { return "select * from " + table + " order by all"; }
}
