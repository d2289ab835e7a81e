package vn.hcmc.kpi.etl.ingest.xes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import vn.hcmc.kpi.etl.ingest.Counted;
import vn.hcmc.kpi.etl.ingest.LogFileReader;
import vn.hcmc.kpi.etl.ingest.Reject;
import vn.hcmc.kpi.etl.ingest.RejectReason;
import vn.hcmc.kpi.etl.ingest.UnreadableFileException;
import vn.hcmc.kpi.etl.model.EventType;
import vn.hcmc.kpi.etl.model.LogEvent;
import vn.hcmc.kpi.etl.profile.InputMapping;
import vn.hcmc.kpi.etl.profile.MappingProfile;

/** Hand-made XES for each mapping rule and for broken input. */
class XesMappingTest {
  static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<log xes.version=\"1.0\" xmlns=\"http://www.xes-standard.org/\">\n";

  final List<LogEvent> events = new ArrayList<>();
  final List<Reject> rejects = new ArrayList<>();
  long rowsRead;

  static MappingProfile profile(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("format", "xes");
    m.put("dossier", "trace:concept:name");
    m.put("unit", "constant:U1");
    m.put("officer", "event:org:resource");
    m.put("step", "event:concept:name");
    m.put("time.zone", "Europe/Amsterdam");
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return MappingProfile.of("test", m);
  }

  void read(MappingProfile p, String name, byte[] bytes) {
    new LogFileReader(RealLogs.CLOCK, new InputMapping(null, p)).read(name, new ByteArrayInputStream(bytes), o -> {
      Counted c = (Counted) o;
      rowsRead += c.sourceRows();
      if (c.item() instanceof LogEvent e) events.add(e); else rejects.add((Reject) c.item());
    });
  }

  void read(MappingProfile p, String xml) { read(p, "t.xes", xml.getBytes(StandardCharsets.UTF_8)); }

  static String ev(String name, String time, String resource, String... extra) {
    StringBuilder b = new StringBuilder("  <event>\n   <string key=\"concept:name\" value=\"" + name + "\"/>\n");
    if (time != null) b.append("   <date key=\"time:timestamp\" value=\"").append(time).append("\"/>\n");
    if (resource != null) b.append("   <string key=\"org:resource\" value=\"").append(resource).append("\"/>\n");
    for (String x : extra) b.append("   ").append(x).append("\n");
    return b.append("  </event>\n").toString();
  }

  String types() { return events.stream().map(e -> e.type().name() + ":" + e.officerId()).toList().toString(); }

  @Test
  void firstEventIsReceiptEachResourceATaskLastEventTheEnd() {
    read(profile("case.deadline", "trace:deadline", "step.deadline", "event:dueDate",
        "channel", "trace:channel", "channel.map", "Internet=ONLINE,Desk=COUNTER"), HEAD
        + " <trace>\n  <string key=\"concept:name\" value=\"C1\"/>\n"
        + "  <date key=\"deadline\" value=\"2011-12-06T13:41:31.788+01:00\"/>\n"
        + "  <string key=\"channel\" value=\"Internet\"/>\n"
        + ev("intake", "2011-10-11T13:45:40.276+02:00", "R1")
        + ev("check", "2011-10-12T08:26:25+02:00", "R2", "<string key=\"dueDate\" value=\"2011-10-14T17:00:00+02:00\"/>")
        + ev("note", "2011-10-12T09:00:00+02:00", null)
        + ev("decide", "2011-10-20T10:00:00+02:00", "R3")
        + " </trace>\n</log>\n");
    assertEquals(4, rowsRead);
    assertEquals("[RECEIVED:R1, ASSIGNED:R2, COMPLETED:R3]", types());
    LogEvent r = events.get(0);
    assertEquals("C1", r.dossierId());
    assertEquals("U1", r.wardCode());
    assertEquals("2011-12-06T12:41:31.788Z", r.dueAt().toString());
    assertEquals("ONLINE", r.channel().name());
    assertEquals("intake", r.step());
    assertEquals(7, r.line()); // the XML line of <event>
    assertEquals("trace 1 event 1", r.detail());
    assertEquals("2011-10-14T15:00:00Z", events.get(1).dueAt().toString());
    assertEquals("check", events.get(1).step());
    // ids sort in the trace's order, so same-instant events keep it in the clock
    assertEquals(events.stream().map(LogEvent::eventId).sorted().toList(), events.stream().map(LogEvent::eventId).toList());
  }

  @Test
  void traceAttributesGiveReceiptAndEndAndReExportsCaseAttributes() {
    read(profile("receipt", "trace:startdate", "end", "trace:enddate", "procedure", "trace:parts"), HEAD
        + " <trace>\n  <string key=\"concept:name\" value=\"C2\"/>\n"
        + "  <date key=\"startdate\" value=\"2011-10-11T09:00:00+02:00\"/>\n"
        + "  <date key=\"enddate\" value=\"2011-10-21T09:00:00+02:00\"/>\n"
        + ev("a", "2011-10-12T10:00:00+02:00", "R1", "<string key=\"(case)_parts\" value=\"Bouw\"/>")
        + ev("b", "2011-10-13T10:00:00+02:00", "R2", "<string key=\"(case)_parts\" value=\"Bouw\"/>")
        + " </trace>\n"
        + " <trace>\n  <string key=\"concept:name\" value=\"C3\"/>\n"
        + "  <date key=\"startdate\" value=\"2011-10-11T09:00:00+02:00\"/>\n"
        + ev("a", "2011-10-12T10:00:00+02:00", "R1")
        + " </trace>\n</log>\n");
    assertEquals(3, rowsRead);
    assertEquals("[RECEIVED:null, ASSIGNED:R1, ASSIGNED:R2, COMPLETED:null, RECEIVED:null, ASSIGNED:R1]", types());
    assertEquals("Bouw", events.get(0).procedureCode());
    assertEquals("2011-10-11T07:00:00Z", events.get(0).occurredAt().toString());
    assertEquals(3, events.get(0).line());   // <trace>
    assertEquals(19, events.get(3).line());  // </trace>
    assertNull(events.get(4).procedureCode());
  }

  @Test
  void lifecyclePairsAreTasksAndEndWhenDecidesTheEnd() {
    MappingProfile p = profile("tasks", "lifecycle", "end.when", "trace:caseStatus=G");
    String lc = "<string key=\"lifecycle:transition\" value=\"%s\"/>";
    read(p, HEAD
        + " <trace>\n  <string key=\"concept:name\" value=\"C4\"/>\n  <string key=\"caseStatus\" value=\"G\"/>\n"
        + ev("p0", "2014-04-11T01:00:00+02:00", "R1", lc.formatted("complete"))
        + ev("p1", "2014-04-14T01:00:00+02:00", "R2", lc.formatted("start"))
        + ev("p1", "2014-04-15T01:00:00+02:00", "R2", lc.formatted("complete"))
        + ev("p2", "2014-04-16T01:00:00+02:00", "R3", lc.formatted("start"))
        + ev("p2", "2014-04-17T01:00:00+02:00", "R3", lc.formatted("complete"))
        + " </trace>\n"
        + " <trace>\n  <string key=\"concept:name\" value=\"C5\"/>\n  <string key=\"caseStatus\" value=\"O\"/>\n"
        + ev("p0", "2014-04-11T01:00:00+02:00", "R1")
        + ev("p1", "2014-04-14T01:00:00+02:00", "R2", lc.formatted("start"))
        + " </trace>\n</log>\n");
    assertEquals(7, rowsRead);
    // C4: start → ASSIGNED to R2; its complete → ASSIGNED to nobody (the task ends); the last event ends the case
    // C5: status O, so the last event is only a task start and the case stays open
    assertEquals("[RECEIVED:R1, ASSIGNED:R2, ASSIGNED:null, ASSIGNED:R3, COMPLETED:R3, RECEIVED:R1, ASSIGNED:R2]",
        types());
  }

  @Test
  void exactDuplicateEventsShareAnIdAndBadEventsAreRejects() {
    String dup = ev("b", "2011-10-13T10:00:00+02:00", "R2");
    read(profile(), HEAD
        + " <trace>\n  <string key=\"concept:name\" value=\"C6\"/>\n"
        + ev("a", "2011-10-12T10:00:00+02:00", "R1")
        + dup + dup
        + ev("no time", null, "R3")
        + ev("bad time", "yesterday", "R3")
        + ev("z", "2011-10-20T10:00:00+02:00", "R1")
        + " </trace>\n"
        + " <trace>\n"
        + ev("anonymous", "2011-10-12T10:00:00+02:00", "R1")
        + " </trace>\n</log>\n");
    assertEquals(7, rowsRead);
    assertEquals("[RECEIVED:R1, ASSIGNED:R2, COMPLETED:R1, ASSIGNED:R2]", types());
    assertEquals(events.get(1).eventId(), events.get(3).eventId());
    assertEquals(List.of(RejectReason.MISSING_FIELD, RejectReason.BAD_TIME, RejectReason.MISSING_FIELD),
        rejects.stream().map(Reject::reason).toList());
    assertEquals(List.of(20L, 24L, 36L), rejects.stream().map(Reject::line).toList());
    assertTrue(rejects.get(0).message().contains("trace 1 (C6) event 4"), rejects.get(0).message());
    assertTrue(rejects.get(2).message().contains("trace 2"), rejects.get(2).message());
  }

  @Test
  void nestedListContainerAndUnknownElementsAreSkipped() {
    read(profile(), HEAD
        + " <extension name=\"Concept\" prefix=\"concept\" uri=\"http://www.xes-standard.org/concept.xesext\"/>\n"
        + " <global scope=\"event\"><string key=\"org:resource\" value=\"UNKNOWN\"/></global>\n"
        + " <float key=\"meta\" value=\"1\"><float key=\"R1\" value=\"2\"/></float>\n"
        + " <trace>\n  <string key=\"concept:name\" value=\"C7\">\n   <string key=\"concept:name\" value=\"nested\"/>\n  </string>\n"
        + "  <list key=\"l\"><values><string key=\"x\" value=\"y\"/></values></list>\n"
        + "  <container key=\"c\"><int key=\"n\" value=\"1\"/></container>\n"
        + "  <vendor:thing xmlns:vendor=\"urn:x\"><event/></vendor:thing>\n"
        + ev("a", "2011-10-12T10:00:00+02:00", "R1", "<string key=\"org:resource\" value=\"R9\"/>",
            "<list key=\"org:resource\"><values><string key=\"org:resource\" value=\"R8\"/></values></list>")
        + " </trace>\n</log>\n");
    assertEquals(1, rowsRead);
    assertEquals("[RECEIVED:R1, COMPLETED:R1]", types());
    assertEquals("C7", events.get(0).dossierId());
  }

  static byte[] gzip(String s) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(b)) { g.write(s.getBytes(StandardCharsets.UTF_8)); }
    return b.toByteArray();
  }

  UnreadableFileException unreadable(String name, byte[] bytes) {
    return assertThrows(UnreadableFileException.class, () -> read(profile(), name, bytes));
  }

  @Test
  void gzipIsReadByItsMagicAndATruncatedOneFailsNamingTheFile() throws Exception {
    String xml = HEAD + " <trace>\n  <string key=\"concept:name\" value=\"C8\"/>\n"
        + ev("a", "2011-10-12T10:00:00+02:00", "R1").repeat(1) + " </trace>\n</log>\n";
    read(profile(), "plain-name.xes", gzip(xml));
    assertEquals(1, rowsRead);
    byte[] g = gzip(xml.replace("</log>", "<!--" + "x".repeat(5000) + "--></log>"));
    UnreadableFileException e = unreadable("cut.xes.gz", Arrays.copyOf(g, g.length / 2));
    assertTrue(e.getMessage().startsWith("cannot read cut.xes.gz: "), e.getMessage());
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void truncatedXmlAndNotXesFail() {
    String xml = HEAD + " <trace>\n  <string key=\"concept:name\" value=\"C9\"/>\n" + ev("a", "2011-10-12T10:00:00+02:00", "R1");
    assertTrue(unreadable("cut.xes", xml.getBytes(StandardCharsets.UTF_8)).getMessage().contains("cut.xes"));
    assertTrue(unreadable("html.xes", "<html><body/></html>".getBytes(StandardCharsets.UTF_8)).getMessage()
        .contains("not an XES log"));
    assertTrue(unreadable("csv.xes", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)).getMessage()
        .contains("not well-formed XML"));
  }

  @Test
  void xxeAndEntityExpansionAreRefusedAtOnce() {
    String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE log [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
        + "<log><trace><string key=\"concept:name\" value=\"&xxe;\"/></trace></log>";
    UnreadableFileException e = unreadable("xxe.xes", xxe.getBytes(StandardCharsets.UTF_8));
    assertTrue(e.getMessage().contains("xxe.xes") && e.getMessage().contains("DTD"), e.getMessage());
    StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE log [\n <!ENTITY lol \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      bomb.append(" <!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
          .append("\">\n");
    }
    bomb.append("]>\n<log><trace><string key=\"concept:name\" value=\"&lol9;\"/></trace></log>");
    long t0 = System.nanoTime();
    e = unreadable("bomb.xes", bomb.toString().getBytes(StandardCharsets.UTF_8));
    assertTrue(e.getMessage().contains("bomb.xes"), e.getMessage());
    assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "fails fast");
    // an entity without a DTD is not expanded either
    e = unreadable("ent.xes", "<log><trace><string key=\"concept:name\" value=\"&undeclared;\"/></trace></log>"
        .getBytes(StandardCharsets.UTF_8));
    assertTrue(e.getMessage().contains("ent.xes"), e.getMessage());
  }

  @Test
  void oneEventTraceIsReceivedAndEnded() {
    read(profile(), HEAD + " <trace>\n  <string key=\"concept:name\" value=\"C10\"/>\n"
        + ev("only", "2011-10-12T10:00:00+02:00", "R1") + " </trace>\n</log>\n");
    assertEquals(1, rowsRead);
    assertEquals(List.of(EventType.RECEIVED, EventType.COMPLETED), events.stream().map(LogEvent::type).toList());
  }
}
