package vn.hcmc.kpi.etl.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hcmc.kpi.etl.clock.ClockSettings;
import vn.hcmc.kpi.etl.dossier.DossierFold;
import vn.hcmc.kpi.etl.dossier.FoldResult;
import vn.hcmc.kpi.etl.generate.GeneratorOptions;
import vn.hcmc.kpi.etl.generate.LogGenerator;
import vn.hcmc.kpi.etl.ingest.LogFileReader;
import vn.hcmc.kpi.etl.model.EventType;
import vn.hcmc.kpi.etl.model.LogEvent;
import vn.hcmc.kpi.etl.reference.ReferenceData;

/** The job's direct encoder writes the very bytes of the generic one ({@link FoldCodec#encode}), dossier by dossier. */
class FoldEncoderTest {

  /** One encoder for every dossier, as a task uses it: what one dossier leaves behind must not reach the next. */
  private final FoldEncoder encoder = new FoldEncoder();

  private void assertSameBytes(FoldResult r) {
    assertArrayEquals(FoldCodec.encode(r), encoder.encode(r), () -> "dossier " + (r.facts() == null ? r.events()
        : r.facts().dossierId()));
  }

  @Test
  void handMadeDossiersEncodeTheSame() {
    FoldResult sample = FoldCodecTest.sample(); // Vietnamese text over 64 KB, nulls, NaN, extremes of int and long
    assertSameBytes(sample);
    // no facts (no RECEIVED event): no FACTS row, no INHERITED flags
    assertSameBytes(new FoldResult(null, sample.events(), sample.eventAfterHours(), List.of(), List.of(), List.of(),
        List.of(), List.of(), 0));
    assertSameBytes(new FoldResult(null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        0));
    assertSameBytes(sample);
  }

  @Test
  void sectionsWithManyStringsEncodeTheSame() {
    // 300 events with distinct ids, half of them non-ASCII: the table of written strings grows several times
    List<LogEvent> events = new ArrayList<>();
    List<Boolean> afterHours = new ArrayList<>();
    Instant t = Instant.parse("2026-03-02T01:00:00Z");
    for (int i = 0; i < 300; i++) {
      events.add(new LogEvent((i % 2 == 0 ? "E-" : "sự kiện ") + i, "HS-9", "26782", i % 3 == 0 ? null : "1.004",
          EventType.values()[i % EventType.values().length], t.plusSeconds(3_600L * i), "CB-" + i % 40,
          i % 7 == 0 ? null : "bước " + i % 5, null, i % 4 == 0 ? t : null, "", "events-2026-W10.csv", i + 1));
      afterHours.add(i % 5 == 0);
    }
    FoldResult sample = FoldCodecTest.sample();
    FoldResult many = new FoldResult(sample.facts(), events, afterHours, sample.tasks(), sample.pauses(),
        sample.anomalies(), sample.weeks(), sample.officers(), 7);
    assertSameBytes(many);
    assertSameBytes(sample);
    assertSameBytes(many);
  }

  @Test
  void randomWeeklyContributionsEncodeTheSame() {
    Random random = new Random(16);
    for (int i = 0; i < 3_000; i++) assertSameBytes(WeeklyCodecTest.random(random));
  }

  @Test
  void generatedDossiersEncodeTheSame(@TempDir Path tmp) throws Exception {
    // five weeks of two units, read as the job reads them, through the real fold: every section as the job meets it
    new LogGenerator(ReferenceData.defaults()).writeTo(new GeneratorOptions(List.of("26782", "27460"),
        LocalDate.parse("2026-02-02"), LocalDate.parse("2026-03-08"), 0.3, 5), tmp);
    Map<String, List<LogEvent>> byDossier = new TreeMap<>();
    LogFileReader reader = new LogFileReader(Clock.fixed(Instant.parse("2026-03-09T00:00:00Z"), ZoneOffset.UTC));
    try (DirectoryStream<Path> files = Files.newDirectoryStream(tmp.resolve("events"))) {
      for (Path file : files) {
        try (LogFileReader.Items items = reader.items(file.getFileName().toString(), Files.newInputStream(file))) {
          while (items.hasNext()) {
            if (items.next() instanceof LogEvent e) {
              byDossier.computeIfAbsent(e.dossierId(), k -> new ArrayList<>()).add(e);
            }
          }
        }
      }
    }
    DossierFold fold = new DossierFold(ReferenceData.defaults(), ClockSettings.DEFAULTS);
    Instant asOf = Instant.parse("2026-03-08T16:59:59Z");
    int withTasks = 0, withPauses = 0;
    for (List<LogEvent> events : byDossier.values()) {
      FoldResult r = fold.fold(events, asOf);
      assertSameBytes(r);
      if (!r.tasks().isEmpty()) withTasks++;
      if (!r.pauses().isEmpty()) withPauses++;
    }
    assertTrue(byDossier.size() > 1_000, "enough dossiers: " + byDossier.size());
    assertTrue(withTasks > 100 && withPauses > 10, "tasks and pauses met: " + withTasks + ", " + withPauses);
  }

  @Test
  void stringReferencesAreTheOrderOfFirstWriting() {
    FoldEncoder.StringRefs refs = new FoldEncoder.StringRefs();
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 200; i++) assertEquals(-1, refs.refOrAdd("s" + i));
      for (int i = 199; i >= 0; i--) assertEquals(i, refs.refOrAdd(new String("s" + i)));
      refs.clear();
    }
  }
}
