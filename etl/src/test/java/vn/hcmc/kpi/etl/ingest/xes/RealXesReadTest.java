package vn.hcmc.kpi.etl.ingest.xes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.hcmc.kpi.etl.ingest.Counted;
import vn.hcmc.kpi.etl.ingest.Reject;
import vn.hcmc.kpi.etl.model.EventType;
import vn.hcmc.kpi.etl.model.LogEvent;

/** Reading the real XES files through the shipped profiles, without Spark: counts and mapped attributes. */
class RealXesReadTest {

  static XesStreamReader.Stats stats(Path p) throws Exception {
    try (InputStream in = Files.newInputStream(p)) {
      return XesStreamReader.read(p.toString(), in, t -> { });
    }
  }

  static long rowsRead(List<Counted> items) { return items.stream().mapToLong(Counted::sourceRows).sum(); }

  static List<LogEvent> events(List<Counted> items) {
    return items.stream().filter(c -> c.item() instanceof LogEvent).map(c -> (LogEvent) c.item()).toList();
  }

  @Test
  void waboCasesEventsAndAttributes() throws Exception {
    Path f = RealLogs.file("wabo-receipt.xes.gz");
    assertEquals(new XesStreamReader.Stats(1434, 8577), stats(f));
    List<Counted> items = RealLogs.read(f, "wabo");
    assertEquals(8577, rowsRead(items), "every XES event is one row read");
    List<LogEvent> ev = events(items);
    List<Reject> rejects = items.stream().filter(c -> c.item() instanceof Reject).map(c -> (Reject) c.item()).toList();
    // two enddates an hour before their startdate: the end is refused with its reason, the case stays open
    assertEquals(List.of(10874L, 65211L), rejects.stream().map(Reject::line).toList());
    assertTrue(rejects.stream().allMatch(r -> r.reason() == vn.hcmc.kpi.etl.ingest.RejectReason.INCONSISTENT_TIMES));
    assertEquals(0, items.stream().filter(c -> c.item() instanceof Reject).mapToInt(Counted::sourceRows).sum(),
        "an end taken from a trace attribute is not an XES event: its reject counts no row read");
    Set<String> dossiers = new HashSet<>();
    Map<EventType, Integer> byType = new HashMap<>();
    Set<String> officers = new HashSet<>();
    for (LogEvent e : ev) {
      dossiers.add(e.dossierId());
      byType.merge(e.type(), 1, Integer::sum);
      if (e.officerId() != null) officers.add(e.officerId());
      assertEquals("NL-WABO", e.wardCode());
    }
    assertEquals(1434, dossiers.size());
    assertEquals(1434, byType.get(EventType.RECEIVED)); // from the startdate trace attribute
    // traces with an enddate: 1,330 in the file less the global default, less the two before their startdate
    assertEquals(1327, byType.get(EventType.COMPLETED));
    assertTrue(officers.size() >= 40, "officers " + officers.size());
    // case-10011: received 2011-10-11T13:42:22.688+02:00 over the Internet, deadline 2011-12-06T13:41:31.788+01:00
    LogEvent r = ev.stream().filter(e -> e.dossierId().equals("case-10011") && e.type() == EventType.RECEIVED)
        .findFirst().orElseThrow();
    assertEquals("2011-10-11T11:42:22.688Z", r.occurredAt().toString());
    assertEquals("2011-12-06T12:41:31.788Z", r.dueAt().toString());
    assertEquals("ONLINE", r.channel().name());
    LogEvent a = ev.stream().filter(e -> e.dossierId().equals("case-10011") && e.type() == EventType.ASSIGNED)
        .findFirst().orElseThrow();
    assertEquals("Resource21", a.officerId());
    assertEquals("Confirmation of receipt", a.step());
  }

  @Test
  void bpic2015Municipality1() throws Exception {
    Path f = RealLogs.file("bpic2015-municipality1.xes.gz");
    assertEquals(new XesStreamReader.Stats(1199, 52217), stats(f));
    List<Counted> items = RealLogs.read(f, "bpic2015");
    assertEquals(52217, rowsRead(items));
    List<LogEvent> ev = events(items);
    assertEquals(1199, ev.stream().map(LogEvent::dossierId).distinct().count());
    assertEquals(Set.of("NL-bpic2015-municipality1"), ev.stream().map(LogEvent::wardCode).collect(java.util.stream.Collectors.toSet()));
    long withStepDeadline = ev.stream().filter(e -> e.type() == EventType.ASSIGNED && e.dueAt() != null).count();
    assertTrue(withStepDeadline > 2000, "step deadlines " + withStepDeadline);
    long procedures = ev.stream().filter(e -> e.type() == EventType.RECEIVED && e.procedureCode() != null).count();
    assertTrue(procedures > 1150, "procedures " + procedures);
    long officers = ev.stream().map(LogEvent::officerId).filter(java.util.Objects::nonNull).distinct().count();
    assertTrue(officers >= 20, "officers " + officers);
  }
}
