package vn.hcmc.kpi.etl.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SegmentsPlanTest {

  @Test
  void aPlanForTheSpanHasEveryWeekALastEventCanFallIn() {
    // earliest event Monday 2026-01-05 00:30 in Ho Chi Minh City = Sunday 2026-01-04 17:30 UTC;
    // as-of Sunday 2026-01-25 23:59 local = 16:59 UTC
    Segments.Plan plan = Segments.Plan.forSpan(Instant.parse("2026-01-04T17:30:00Z"),
        Instant.parse("2026-01-25T16:59:00Z"), 8);
    List<String> segments = plan.segments();
    assertEquals("open", segments.get(0));
    // two days of margin each side: from the week of Friday 2026-01-02 to the week of Tuesday 2026-01-27
    assertEquals(List.of("open", "w20251229", "w20260105", "w20260112", "w20260119", "w20260126"), segments);
    // 8 partitions over 6 segments: one per week, five weeks' worth for the open segment
    assertEquals(5 + 5, plan.partitions());
    assertEquals("open", plan.segment(4));
    assertEquals("w20251229", plan.segment(5));
    assertEquals("w20260126", plan.segment(9));
    long fold = DossierIndex.hash("HS-1");
    assertEquals(7, plan.partition("w20260112", fold));
    int open = plan.partition("open", fold);
    assertTrue(open >= 0 && open < 5, "open: " + open);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> plan.partition("w20260202", fold));
    assertTrue(e.getMessage().contains("w20260202"), e.getMessage());
  }

  @Test
  void aBigInputSpreadsEachWeekOverSeveralPartitions() {
    Segments.Plan plan = Segments.Plan.forSpan(Instant.parse("2026-01-07T00:00:00Z"),
        Instant.parse("2026-01-08T00:00:00Z"), 12);
    // weeks of 2026-01-05 only (margins stay within it): 12 partitions / 2 segments = 6 each, open at most all 12
    assertEquals(List.of("open", "w20260105"), plan.segments());
    assertEquals(12 + 6, plan.partitions());
  }

  @Test
  void anAsOfBeforeTheEventsLeavesOnlyTheOpenSegment() {
    Segments.Plan plan = Segments.Plan.forSpan(Instant.parse("2026-03-01T00:00:00Z"),
        Instant.parse("2026-01-01T00:00:00Z"), 8);
    assertEquals(List.of("open"), plan.segments());
  }

  @Test
  void aSpanOfDecadesIsLeftToAPlanBySize() {
    assertNull(Segments.Plan.forSpan(Instant.parse("1990-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"), 8));
    Map<String, Long> bytes = new TreeMap<>(Map.of("open", 300L, "w20260105", 100L));
    Segments.Plan bySize = Segments.Plan.bySize(bytes, 8);
    assertEquals(List.of("open", "w20260105"), bySize.segments());
    assertEquals(6 + 2, bySize.partitions());
  }
}
