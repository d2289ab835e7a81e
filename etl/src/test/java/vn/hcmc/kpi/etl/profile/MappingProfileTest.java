package vn.hcmc.kpi.etl.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hcmc.kpi.etl.ingest.Counted;
import vn.hcmc.kpi.etl.ingest.LogFileReader;
import vn.hcmc.kpi.etl.ingest.Reject;
import vn.hcmc.kpi.etl.ingest.RejectReason;
import vn.hcmc.kpi.etl.ingest.xes.RealLogs;
import vn.hcmc.kpi.etl.model.EventType;
import vn.hcmc.kpi.etl.model.LogEvent;

class MappingProfileTest {
  @TempDir Path tmp;

  @Test
  void shippedProfilesLoadByName() {
    for (String name : MappingProfile.shipped()) assertEquals(name, MappingProfile.load(name).name());
    assertEquals(MappingProfile.Format.REQUESTS, MappingProfile.load("nyc311").format());
  }

  @Test
  void aProfileFileAndItsMistakes() throws Exception {
    Path f = tmp.resolve("mine.properties");
    Files.writeString(f, "format = xes\ndossier = trace:concept:name\nunit = constant:26782\n");
    assertEquals("26782", MappingProfile.load(f.toString()).unit().name());
    Files.writeString(f, "format = xes\ndossier = trace:concept:name\nunit = constant:1\nofficer = org:resource\n");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> MappingProfile.load(f.toString())).getMessage()
        .contains("unknown source 'org:'"));
    Files.writeString(f, "format = xes\ndossier = trace:concept:name\nunit = constant:1\nofficr = event:x\n");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> MappingProfile.load(f.toString())).getMessage()
        .contains("unknown key 'officr'"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> MappingProfile.load("nosuch")).getMessage()
        .contains("no shipped profile named 'nosuch'"));
    assertThrows(IllegalArgumentException.class, () -> InputMapping.of("xes", "nyc311"));
    assertThrows(IllegalArgumentException.class, () -> InputMapping.of("requests", null));
    assertThrows(IllegalArgumentException.class, () -> InputMapping.of("parquet", null));
  }

  @Test
  void theCommandLineRefusesABadProfileBeforeSparkStarts() {
    var err = new java.io.ByteArrayOutputStream();
    int rc = vn.hcmc.kpi.etl.cli.EtlCommand.run(new String[] {"--input", "x.xes", "--warehouse", tmp.toString(),
        "--format", "xes", "--profile", "nyc311"}, System.out, new java.io.PrintStream(err), RealLogs.CLOCK);
    assertEquals(2, rc);
    assertTrue(err.toString().contains("does not match profile nyc311"), err.toString());
  }

  @Test
  void formatIsGuessedFromTheFileName() {
    assertEquals(InputMapping.Format.XES, InputMapping.NATIVE.formatOf("a/b/log.xes.gz"));
    assertEquals(InputMapping.Format.XES, InputMapping.NATIVE.formatOf("log.XES"));
    assertEquals(InputMapping.Format.JSONL, InputMapping.NATIVE.formatOf("log.jsonl.gz"));
    assertEquals(InputMapping.Format.CSV, InputMapping.NATIVE.formatOf("log.csv"));
    assertEquals(InputMapping.Format.REQUESTS, InputMapping.of(null, "nyc311").formatOf("x.csv"));
    assertEquals("municipality3", InputMapping.fileBase("/x/y/municipality3.xes.gz"));
  }

  @Test
  void requestRowsDirtyTimesAreRejects() {
    String csv = """
        Unique Key,Created Date,Closed Date,Agency,Complaint Type,Status,Due Date,Open Data Channel Type
        1,03/01/2011 02:27:57 PM,03/14/2011 03:59:20 PM,DOF,Refund,Closed,03/22/2011 02:27:57 PM,PHONE
        2,03/02/2011 10:40:12 AM,01/01/1900 12:00:00 AM,DOT,Sign,Assigned,03/09/2011 10:40:12 AM,ONLINE
        3,03/02/2011 10:40:12 AM,,DOT,Sign,Pending,03/01/2011 10:40:12 AM,ONLINE
        4,03/02/2011 10:40:12 AM,,DOT,Sign,Pending,,OTHER
        5,yesterday,,DOT,Sign,Pending,,OTHER
        6,03/02/2011 10:40:12 AM,03/03/2011 10:40:12 AM,DOT,Sign,Assigned,,MOBILE
        """;
    List<Counted> out = new ArrayList<>();
    new LogFileReader(RealLogs.CLOCK, InputMapping.of(null, "nyc311"))
        .read("nyc.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), o -> out.add((Counted) o));
    assertEquals(6, out.stream().mapToInt(Counted::sourceRows).sum());
    List<Reject> rejects = out.stream().filter(c -> c.item() instanceof Reject).map(c -> (Reject) c.item()).toList();
    assertEquals(Map.of(3L, RejectReason.INCONSISTENT_TIMES, 4L, RejectReason.INCONSISTENT_TIMES, 6L, RejectReason.BAD_TIME),
        rejects.stream().collect(java.util.stream.Collectors.toMap(Reject::line, Reject::reason)));
    List<LogEvent> ev = out.stream().filter(c -> c.item() instanceof LogEvent).map(c -> (LogEvent) c.item()).toList();
    LogEvent r1 = ev.get(0);
    assertEquals("NYC-DOF", r1.wardCode());
    assertEquals("Refund", r1.procedureCode());
    assertEquals("COUNTER", r1.channel().name());
    assertEquals("2011-03-01T19:27:57Z", r1.occurredAt().toString()); // 2:27:57 PM EST = 19:27:57 UTC
    assertEquals("2011-03-22T18:27:57Z", r1.dueAt().toString());      // after the switch to EDT
    assertEquals(EventType.COMPLETED, ev.get(1).type());
    // request 4: open, no channel; request 6 (Assigned with a closed date): stays open
    assertEquals(List.of("1:RECEIVED", "1:COMPLETED", "4:RECEIVED", "6:RECEIVED"),
        ev.stream().map(e -> e.dossierId() + ":" + e.type()).toList());
  }
}
