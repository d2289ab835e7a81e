package vn.hcmc.kpi.etl.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.hcmc.kpi.etl.model.Channel;
import vn.hcmc.kpi.etl.model.EventType;
import vn.hcmc.kpi.etl.model.LogEvent;

/** A fold partition's held rows come back as a stable sort by dossier id would give them. */
class HeldRowsTest {

  private static LogEvent event(String dossier, int n, String detail) {
    Instant t = Instant.parse("2026-03-02T01:00:00Z").plusSeconds(n * 37L);
    return new LogEvent("E-" + dossier + "-" + n, dossier, "26782", "1.001", EventType.values()[n % 3], t, "CB-" + n,
        null, Channel.ONLINE, null, detail, "events/e.csv", n);
  }

  @Test
  void dossiersInIdOrderEachWithItsRowsInArrivalOrder() {
    Random random = new Random(7);
    List<LogEvent> arrived = new ArrayList<>();
    for (int n = 0; n < 20_000; n++) {
      // a few long details push rows across the 4 MB pages; one is longer than a page
      String detail = n == 777 ? "x".repeat(HeldRows.PAGE_BYTES + 10) : n % 1000 == 0 ? "chi tiết ".repeat(5000) : null;
      arrived.add(event("H26782-260302-" + String.format("%04d", random.nextInt(3000)), n, detail));
    }
    HeldRows held = new HeldRows();
    for (LogEvent e : arrived) held.add(e.dossierId(), EventCodec.encode(e));
    assertEquals(arrived.size(), held.size());

    List<LogEvent> stable = new ArrayList<>(arrived);
    stable.sort(Comparator.comparing(LogEvent::dossierId)); // List.sort is stable
    Map<String, List<LogEvent>> expected = new LinkedHashMap<>();
    for (LogEvent e : stable) expected.computeIfAbsent(e.dossierId(), k -> new ArrayList<>()).add(e);

    Iterator<List<LogEvent>> groups = held.byDossier();
    for (List<LogEvent> want : expected.values()) assertEquals(want, groups.next());
    assertFalse(groups.hasNext());

    // in no particular order: the same groups, each whole and in arrival order
    Map<String, List<LogEvent>> unordered = new LinkedHashMap<>();
    held.byDossier(false).forEachRemaining(g -> assertEquals(null, unordered.put(g.get(0).dossierId(), g)));
    assertEquals(expected, unordered);
  }

  @Test
  void nothingHeldGivesNoDossier() {
    assertFalse(new HeldRows().byDossier().hasNext());
  }
}
