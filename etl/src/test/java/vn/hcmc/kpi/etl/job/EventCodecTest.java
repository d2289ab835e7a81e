package vn.hcmc.kpi.etl.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import vn.hcmc.kpi.etl.ingest.Reject;
import vn.hcmc.kpi.etl.ingest.RejectReason;
import vn.hcmc.kpi.etl.model.Channel;
import vn.hcmc.kpi.etl.model.EventType;
import vn.hcmc.kpi.etl.model.LogEvent;

/** The shuffle's bytes give back the read event or reject exactly; per-file counts cannot double. */
class EventCodecTest {

  @Test
  void eventsRoundTripWithNullsLongTextAndExtremeValues() {
    Instant t = Instant.parse("2026-01-05T01:30:00.123456Z");
    List<LogEvent> events = List.of(
        new LogEvent("E1", "HS-01", "26782", "1.001", EventType.RECEIVED, t, "CB-9", "tiếp nhận", Channel.COUNTER,
            t.plusSeconds(86_400), "chi tiết ".repeat(20_000), "events/events-2026-W02.csv", 2L),
        new LogEvent("h:00ff", "HS-02", "26782", null, EventType.INTEGRATION_ERROR, Instant.ofEpochSecond(-1, 999_999_999),
            null, null, null, null, null, "x.jsonl", Long.MAX_VALUE),
        new LogEvent("", "HS-03", "X", "", EventType.WITHDRAWN, t, "", "", Channel.POST, null, "", "", 0L));
    for (LogEvent e : events) {
      byte[] b = EventCodec.encode(e);
      assertFalse(EventCodec.isReject(b));
      assertEquals(e, EventCodec.decode(b));
    }
  }

  @Test
  void aRejectBecomesItsOwnFoldEntryWithOneRejectRow() {
    Reject r = new Reject("events/a.csv", 17L, "HS-1,,RECEIVED,\"x", RejectReason.MISSING_FIELD, "ward_code is empty");
    byte[] b = EventCodec.encode(r);
    assertTrue(EventCodec.isReject(b));
    assertThrows(IllegalArgumentException.class, () -> EventCodec.decode(b));
    byte[] entry = EventCodec.rejectEntry(b);
    assertFalse(FoldCodec.hasFacts(entry));
    assertEquals(0, FoldCodec.duplicates(entry));
    for (FoldCodec.Section s : FoldCodec.Section.values()) {
      assertEquals(s == FoldCodec.Section.REJECTS ? 1 : 0, FoldCodec.rowCount(entry, s), s.name());
    }
    Iterator<Row> rows = FoldCodec.rows(entry, FoldCodec.Section.REJECTS);
    Row row = rows.next();
    assertEquals(List.of("events/a.csv", 17L, "HS-1,,RECEIVED,\"x", "MISSING_FIELD", "ward_code is empty"),
        List.of(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4)));
    assertFalse(rows.hasNext());
  }

  @Test
  void aFileCountedTwiceByTwoTaskAttemptsCountsOnce() {
    InputStats.Counter a = new InputStats.Counter("a.csv", true);
    Instant t1 = Instant.parse("2026-01-05T01:00:00Z");
    a.accepted(new LogEvent("E1", "D1", "W2", "P1", EventType.RECEIVED, t1, null, null, null, null, null, "a.csv", 2), 1);
    a.accepted(new LogEvent("E2", "D1", "W1", null, EventType.COMPLETED, t1.plusSeconds(5), null, null, null, null,
        null, "a.csv", 3), 1);
    a.rejected(1);
    InputStats.Counter b = new InputStats.Counter("b.csv", true);
    b.accepted(new LogEvent("E3", "D2", "W1", "P2", EventType.RECEIVED, t1.minusSeconds(5), null, null, null, null,
        null, "b.csv", 2), 2);

    InputStats driver = new InputStats();
    InputStats attempt1 = driver.copy();
    attempt1.add(a.done());
    InputStats attempt2 = driver.copy();
    attempt2.add(a.done());
    attempt2.add(b.done());
    driver.merge(attempt1);
    driver.merge(attempt2);
    driver.merge(attempt1);

    InputStats.Totals totals = InputStats.totals(driver.value());
    assertEquals(5, totals.rowsRead());
    assertEquals(1, totals.rejected());
    assertEquals(t1.plusSeconds(5), totals.latest());
    assertEquals(Map.of("W1", "a.csv", "W2", "a.csv"), totals.wards());
    assertEquals(Set.of("P1", "P2"), totals.procedures());
  }
}
