package vn.hcmc.kpi.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/** Warehouse (on the fixture warehouse), Table and Chart. */
class HelpersTest {

  static Path fixture() {
    return Path.of(System.getProperty("fixture.warehouse", "../etl/target/fixture/warehouse"));
  }

  @Test
  void readsTheCurrentVersionWithLocalTimesAndPlainNumbers() {
    assertTrue(Files.isRegularFile(fixture().resolve("CURRENT")),
        "no fixture warehouse at " + fixture() + ": build it with mvn -o -pl etl package");
    try (Warehouse wh = Warehouse.open(fixture().toString())) {
      assertTrue(wh.tables().containsAll(List.of("dossiers", "ward_weekly", "officer_weekly", "procedure_weekly",
          "tasks", "events", "rejects", "data_quality", "runs", "units", "procedures")), wh.tables().toString());
      Table t = wh.query("select sum(received) as n, min(week_start) as first_week from ward_weekly where ward_code = ?",
          "26782");
      assertInstanceOf(Long.class, t.get(0, "n"), "HUGEINT sum comes back as Long");
      // a local date, a Monday (the generated logs start on 2026-01-05; the etl fixture's hand-made
      // rows, etl/src/test/resources/logs/handmade, add a few from the week before)
      LocalDate firstWeek = assertInstanceOf(LocalDate.class, t.get(0, "first_week"));
      assertEquals(java.time.DayOfWeek.MONDAY, firstWeek.getDayOfWeek());
      assertTrue(!firstWeek.isAfter(LocalDate.of(2026, 1, 5)) && firstWeek.isAfter(LocalDate.of(2025, 12, 1)),
          firstWeek.toString());
      OffsetDateTime at = (OffsetDateTime) wh.scalar("select min(received_at) from dossiers");
      assertEquals(ZoneOffset.ofHours(7), at.getOffset());
      assertTrue(wh.mimeBundle().get("text/html").contains("ward_weekly"));
      IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> wh.query("select nope from runs"));
      assertTrue(bad.getMessage().contains("nope"));
    }
  }

  @Test
  void aMissingWarehouseSaysHowToMakeOne() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Warehouse.open("/nonexistent/wh"));
    assertTrue(e.getMessage().contains("./kpi demo"), e.getMessage());
  }

  static Table sample() {
    return new Table(List.of("ward", "rate", "load"), List.of("VARCHAR", "DOUBLE", "DOUBLE"), List.of(
        new Object[] {"Tân Thới Hiệp", 0.91, 12.5}, new Object[] {"An Lạc", null, 8.0},
        new Object[] {"Bình Phú <&>", 0.97, 15.0}));
  }

  @Test
  void tablesRenderEscapedHtmlAndText() {
    Table t = sample();
    String html = t.toHtml();
    assertTrue(html.contains("Bình Phú &lt;&amp;&gt;"));
    assertTrue(html.contains("<td style=\"text-align:right\">0.91</td>"));
    assertTrue(html.contains("3 rows"));
    assertTrue(t.toString().startsWith("ward"));
    assertEquals(Double.NaN, t.doubles("rate")[1]);
    assertThrows(IllegalArgumentException.class, () -> t.column("nope"));
  }

  @Test
  void chartsAreWellFormedSvg() throws Exception {
    Table t = sample();
    for (Chart c : List.of(Chart.bar(t, "ward", "rate", "load"), Chart.barh(t, "ward", "rate").percent()
            .refLine(0.95, "95%"), Chart.line(t, "ward", "load"), Chart.lines(t, "ward", "ward", "load"),
        Chart.scatter(t, "load", "rate", "ward").percentY().title("t"), Chart.histogram(t, "load", 4),
        Chart.histogram(new double[0], 3))) {
      String svg = c.mimeBundle().get("image/svg+xml");
      DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
    assertTrue(Chart.barh(t, "ward", "rate").percent().svg().contains(">91%<"));
  }

  @Test
  void niceTicks() {
    Chart.Ticks ticks = Chart.Ticks.of(0, 0.97);
    assertEquals(0, ticks.first);
    assertEquals(1.0, ticks.last, 1e-9);
    assertEquals(0.2, ticks.step, 1e-9);
  }
}
