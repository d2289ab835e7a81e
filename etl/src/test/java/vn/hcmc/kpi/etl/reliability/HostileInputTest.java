package vn.hcmc.kpi.etl.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.hcmc.kpi.etl.cli.EtlCommand;
import vn.hcmc.kpi.etl.clock.ClockSettings;
import vn.hcmc.kpi.etl.generate.GeneratorOptions;
import vn.hcmc.kpi.etl.generate.LogGenerator;
import vn.hcmc.kpi.etl.job.EtlOptions;
import vn.hcmc.kpi.etl.job.KpiJob;
import vn.hcmc.kpi.etl.job.TestSpark;
import vn.hcmc.kpi.etl.job.WarehouseReader;
import vn.hcmc.kpi.etl.reference.ReferenceData;

/**
 * Reliability promise: hostile input gives rejects with reasons or a clear failure naming the file,
 * never a hang and never a changed published version. Each mutation of a generated log runs
 * against a warehouse whose published version must survive a failed run.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HostileInputTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC);
  @TempDir static Path tmp;
  static List<String> lines;     // the records of one generated week, header first
  static Path warehouse;
  static String published;

  @BeforeAll
  static void prepare() throws Exception {
    Path logs = tmp.resolve("logs");
    new LogGenerator(ReferenceData.defaults()).writeTo(new GeneratorOptions(List.of("27460"),
        LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-08"), 0.2, 3), logs);
    Path week;
    try (var s = Files.list(logs.resolve("events"))) { week = s.findFirst().orElseThrow(); }
    lines = new ArrayList<>();
    for (String l : Files.readAllLines(week)) if (!l.isEmpty()) lines.add(l.replace("\r", ""));
    warehouse = tmp.resolve("wh");
    run(write("baseline", text(lines)));
    published = Files.readString(warehouse.resolve("CURRENT")).strip();
  }

  static KpiJob.RunSummary run(Path input) {
    EtlOptions o = new EtlOptions(List.of(input.toString()), warehouse.toString(), null, null, null,
        ClockSettings.DEFAULTS, 10);
    return new KpiJob(TestSpark.get(), o, CLOCK).run();
  }

  static String text(List<String> ls) { return String.join("\n", ls) + "\n"; }

  static Path write(String name, String content) throws Exception { return write(name, content.getBytes(StandardCharsets.UTF_8)); }

  static Path write(String name, byte[] content) throws Exception {
    Path dir = tmp.resolve(name.replace('.', '-'));
    Files.createDirectories(dir);
    Files.write(dir.resolve(name.contains(".") ? name : name + ".csv"), content);
    return dir;
  }

  /** A run that must succeed: counts reconcile and the expected reasons are among the rejects. */
  static void accepted(Path input, long expectedRejects, String... reasons) throws Exception {
    KpiJob.RunSummary s = run(input);
    assertTrue(s.reconciles(), s.toString());
    assertEquals(expectedRejects, s.rejected(), input + " rejects");
    try (WarehouseReader r = new WarehouseReader(warehouse)) {
      List<Map<String, Object>> got = r.rows("select distinct reason from rejects");
      for (String reason : reasons) assertTrue(got.contains(Map.of("reason", reason)), reason + " in " + got);
    }
  }

  /** A run that must fail naming the file, with the published version untouched. */
  static void refused(Path input, String fileName) throws Exception {
    String before = Files.readString(warehouse.resolve("CURRENT")).strip();
    Exception e = assertThrows(Exception.class, () -> run(input));
    String message = EtlCommand.describe(e);
    assertTrue(message.contains(fileName), message);
    assertEquals(before, Files.readString(warehouse.resolve("CURRENT")).strip());
    try (WarehouseReader r = new WarehouseReader(warehouse)) {
      assertTrue((Long) r.value("select count(*) from dossiers") > 0, "the published version still reads");
    }
  }

  @Test
  void truncatedInTheMiddleOfARow() throws Exception {
    String t = text(lines);
    accepted(write("truncated", t.substring(0, t.length() - 40)), 1, "WRONG_COLUMN_COUNT");
  }

  @Test
  void randomBytesAndInvalidUtf8() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Random random = new Random(1);
    for (int i = 0; i < lines.size(); i++) {
      byte[] row = (lines.get(i) + "\n").getBytes(StandardCharsets.UTF_8);
      if (i > 0 && i % 50 == 0) {
        byte[] junk = new byte[12];
        random.nextBytes(junk);
        for (int j = 0; j < junk.length; j++) if (junk[j] == '\n' || junk[j] == '\r' || junk[j] == '"') junk[j] = (byte) 0xFF;
        junk[0] = (byte) 0xC3; junk[1] = (byte) 0x28; // always invalid UTF-8
        out.write(row, 0, row.length - 1);
        out.write(junk);
        out.write('\n');
      } else {
        out.write(row);
      }
    }
    accepted(write("junk", out.toByteArray()), (lines.size() - 1) / 50, "BAD_ENCODING");
  }

  @Test
  void bomCrlfAndQuotedNewlinesAreFine() throws Exception {
    List<String> ls = new ArrayList<>(lines);
    ls.set(1, ls.get(1).substring(0, ls.get(1).length()) .replaceAll(",$", ",\"a note\nover two lines\""));
    accepted(write("bom", "\uFEFF" + String.join("\r\n", ls) + "\r\n"), 0);
  }

  @Test
  void aLineOfMegabytesAndThousandsOfColumns() throws Exception {
    List<String> ls = new ArrayList<>(lines);
    ls.add(3, "x," + "y".repeat(3 << 20));
    ls.add(5, "a" + ",b".repeat(5000));
    accepted(write("huge", text(ls)), 2, "RECORD_TOO_LONG", "WRONG_COLUMN_COUNT");
    // a header with thousands of extra columns: the known ones are still found
    StringBuilder wide = new StringBuilder(lines.get(0));
    for (int i = 0; i < 3000; i++) wide.append(",extra").append(i);
    List<String> ws = new ArrayList<>();
    ws.add(wide.toString());
    for (String l : lines.subList(1, lines.size())) ws.add(l + ",".repeat(3000));
    accepted(write("wide", text(ws)), 0);
  }

  @Test
  void spreadsheetFormulasAreKeptAsText() throws Exception {
    List<String> ls = new ArrayList<>(lines);
    ls.set(2, ls.get(2).replaceAll(",$", ",=HYPERLINK(\"http://x\";\"y\")"));
    accepted(write("formula", text(ls)), 0);
    try (WarehouseReader r = new WarehouseReader(warehouse)) {
      assertEquals(1L, r.value("select count(*) from events where detail like '=HYPERLINK%'"));
    }
  }

  @Test
  void aTruncatedGzipFailsTheRunNamingTheFile() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) { gz.write(text(lines).getBytes(StandardCharsets.UTF_8)); }
    byte[] cut = java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() * 2 / 3);
    refused(write("week.csv.gz", cut), "week.csv.gz");
  }

  @Test
  void aFileThatIsNotALogFailsTheRunNamingTheFile() throws Exception {
    byte[] noise = new byte[4096];
    new Random(2).nextBytes(noise);
    refused(write("noise.csv", noise), "noise.csv");
  }
}
