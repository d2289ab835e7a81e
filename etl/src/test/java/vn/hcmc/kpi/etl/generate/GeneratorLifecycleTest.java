package vn.hcmc.kpi.etl.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hcmc.kpi.etl.model.Channel;
import vn.hcmc.kpi.etl.model.EventType;
import vn.hcmc.kpi.etl.model.LogColumns;
import vn.hcmc.kpi.etl.reference.CsvReader;
import vn.hcmc.kpi.etl.reference.Officer;

/** Every dossier's rows tell a sensible story. */
class GeneratorLifecycleTest {

  private static final List<String> UNITS = Gen.everyKth(12); // 14 units, wards and communes
  private static final String FROM = "2026-01-05";
  private static final String TO = "2026-02-01";
  private static Gen.Run run;
  private static Map<String, LogStats.Dossier> dossiers;
  private static Map<String, Officer> officers;

  @BeforeAll
  static void generate() {
    run = Gen.run(UNITS, FROM, TO, 42);
    dossiers = LogStats.byDossier(run.rows());
    officers = new HashMap<>();
    for (String u : UNITS) for (Officer o : Gen.GENERATOR.profile(u, 42, 1.0).officers()) officers.put(o.officerId(), o);
  }

  @Test
  void idsAreUniqueAndWellFormed() {
    Set<String> eventIds = new HashSet<>();
    for (LogEvent e : run.rows()) {
      assertTrue(eventIds.add(e.eventId()), "duplicate event id " + e.eventId());
      assertTrue(e.dossierId().matches("H\\d{5}-\\d{6}-\\d{4,}"), e.dossierId());
      assertTrue(e.dossierId().startsWith("H" + e.wardCode() + "-"), e.dossierId());
    }
    assertEquals(run.result().dossiers(), dossiers.size());
    assertEquals(run.result().events(), run.rows().size());
  }

  @Test
  void eventsOfEachDossierAreInASensibleOrder() {
    Set<EventType> ends = EnumSet.of(EventType.COMPLETED, EventType.REJECTED, EventType.WITHDRAWN);
    long snapshotEnd = LogEvent.localSeconds(LocalDate.parse(TO).plusDays(1).atStartOfDay());
    int withSupplement = 0, returned = 0;
    for (LogStats.Dossier d : dossiers.values()) {
      List<LogEvent> ev = d.events();
      LogEvent rec = ev.get(0);
      String where = d.id() + " " + ev.stream().map(e -> e.type().name()).toList();
      assertEquals(EventType.RECEIVED, rec.type(), where);
      assertNotNull(rec.procedureCode(), where);
      assertNotNull(Gen.REF.procedure(rec.procedureCode()), where);
      assertNotNull(rec.channel(), where);
      assertEquals(rec.channel() == Channel.ONLINE, rec.officerId() == null, "officer on RECEIVED iff not online: " + where);
      assertTrue(rec.dossierId().contains(String.format("-%02d%02d%02d-", rec.occurredLocal().getYear() % 100,
          rec.occurredLocal().getMonthValue(), rec.occurredLocal().getDayOfMonth())), "id carries receipt date: " + where);
      EventType end = null;
      boolean pending = false; // supplement requested, not yet received
      boolean processingAssigned = false, approvalAssigned = false, wasReturned = false;
      int seq = 0;
      long prev = Long.MIN_VALUE;
      for (LogEvent e : ev) {
        assertEquals(++seq, e.seq(), "seq contiguous: " + where);
        assertTrue(e.at() > prev, "strictly increasing times: " + where);
        assertTrue(e.at() < snapshotEnd, "nothing after the snapshot: " + where);
        prev = e.at();
        if (e != rec) {
          assertFalse(e.type() == EventType.RECEIVED, "one RECEIVED: " + where);
          assertNull(e.channel(), where);
          assertNull(e.procedureCode(), "later events inherit the procedure: " + where);
        }
        if (e.type() == EventType.INTEGRATION_ERROR) {
          assertNotNull(e.detail(), where);
          continue;
        }
        if (end != null) {
          assertTrue(e.type() == EventType.RETURNED && end != EventType.WITHDRAWN,
              "after the end only RETURNED (not after WITHDRAWN): " + where);
          assertFalse(wasReturned, "returned once: " + where);
          wasReturned = true;
          returned++;
          continue;
        }
        switch (e.type()) {
          case RETURNED -> fail("RETURNED before COMPLETED/REJECTED: " + where);
          case SUPPLEMENT_REQUESTED -> {
            assertFalse(pending, "request while a request is open: " + where);
            assertTrue(processingAssigned, "supplement asked by the specialist: " + where);
            pending = true;
            withSupplement++;
          }
          case SUPPLEMENT_RECEIVED -> { assertTrue(pending, "received without request: " + where); pending = false; }
          case ASSIGNED -> {
            assertFalse(pending, "no assignment while waiting for the citizen: " + where);
            if ("PROCESSING".equals(e.step())) processingAssigned = true;
            else { assertEquals("APPROVAL", e.step(), where); assertTrue(processingAssigned, where); approvalAssigned = true; }
          }
          case COMPLETED, REJECTED -> {
            assertFalse(pending, "no end while waiting for a supplement: " + where);
            assertTrue(approvalAssigned, "approved before the end: " + where);
            end = e.type();
          }
          case WITHDRAWN -> end = e.type();
          case APOLOGY_ISSUED -> assertTrue(e.dueAt() != LogEvent.NO_TIME, "apology carries the new date: " + where);
          default -> { }
        }
        if (ends.contains(e.type())) assertNotNull(end);
      }
    }
    assertTrue(withSupplement > 20, "supplements seen: " + withSupplement);
    assertTrue(returned > dossiers.size() / 2, "returned: " + returned);
  }

  @Test
  void officersHaveTheRoleOfWhatTheyDo() {
    for (LogEvent e : run.rows()) {
      if (e.officerId() == null) continue;
      Officer o = officers.get(e.officerId());
      assertNotNull(o, "unknown officer " + e.officerId());
      assertEquals(e.wardCode(), o.unitCode(), e.toString());
      String expected = switch (e.type()) {
        case RECEIVED, RETURNED -> UnitProfile.ROLE_COUNTER;
        case ASSIGNED -> "PROCESSING".equals(e.step()) ? UnitProfile.ROLE_SPECIALIST : UnitProfile.ROLE_LEADER;
        case COMPLETED, REJECTED, APOLOGY_ISSUED -> UnitProfile.ROLE_LEADER;
        case SUPPLEMENT_REQUESTED, SUPPLEMENT_RECEIVED -> UnitProfile.ROLE_SPECIALIST;
        default -> null;
      };
      if (expected != null) assertEquals(expected, o.role(), e.toString());
    }
  }

  @Test
  void apologiesComeBeforeTheDeadlineOfDossiersThatRunLate() {
    int apologies = 0;
    for (LogStats.Dossier d : dossiers.values()) {
      for (LogEvent e : d.events()) {
        if (e.type() != EventType.APOLOGY_ISSUED) continue;
        apologies++;
        LocalDate due = LogStats.dueDate(Gen.REF, d);
        assertFalse(e.occurredLocal().toLocalDate().isAfter(due), "apology after the deadline " + due + ": " + d);
        assertTrue(e.dueLocal().toLocalDate().isAfter(due), "new date after the original one: " + d);
        LogStats.Verdict v = LogStats.verdict(Gen.REF, d);
        assertTrue(v == LogStats.Verdict.LATE || v == LogStats.Verdict.OPEN, "apology on a dossier that is " + v + ": " + d);
      }
    }
    assertTrue(apologies > 5, "apologies: " + apologies);
  }

  @Test
  void appointmentDatesOnReceivedAreTheStatutoryOnes() {
    int n = 0;
    for (LogStats.Dossier d : dossiers.values()) {
      LogEvent rec = d.first();
      if (rec.dueAt() == LogEvent.NO_TIME) continue;
      n++;
      assertEquals(DueDates.dueDate(Gen.REF.procedure(rec.procedureCode()), rec.occurredLocal(), Gen.REF.calendar(d.ward())),
          rec.dueLocal().toLocalDate(), d.toString());
    }
    double share = n / (double) dossiers.size();
    assertTrue(share > 0.02 && share < 0.25, "share with appointment date " + share);
  }

  @Test
  void writtenCsvIsRfc4180WithTheContractHeader(@TempDir Path tmp) throws IOException {
    List<String> two = UNITS.subList(0, 2);
    GenerationResult r = Gen.GENERATOR.writeTo(new GeneratorOptions(two, LocalDate.parse("2026-01-08"),
        LocalDate.parse("2026-01-13"), 1.0, 3), tmp);
    assertEquals(2, r.files().size());
    long rows = 0;
    for (Path f : r.files()) {
      assertTrue(f.getFileName().toString().matches("events-2026-W0[23]\\.csv"), f.toString());
      try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8); CsvReader csv = new CsvReader(in)) {
        assertEquals(LogColumns.ALL, csv.next().fields());
        CsvReader.Record rec;
        String week = null;
        long prev = Long.MIN_VALUE;
        while ((rec = csv.next()) != null) {
          rows++;
          assertTrue(rec.ok());
          assertEquals(LogColumns.ALL.size(), rec.fields().size(), rec.raw());
          OffsetDateTime at = OffsetDateTime.parse(rec.fields().get(5));
          assertEquals(ZoneOffset.ofHours(7), at.getOffset());
          assertTrue(at.toEpochSecond() >= prev, "file sorted by time");
          prev = at.toEpochSecond();
          String w = LogGenerator.weekName(at.toLocalDate());
          if (week == null) week = w;
          assertEquals(week, w, "one ISO week per file");
          assertEquals("events-" + w + ".csv", f.getFileName().toString());
          if (!rec.fields().get(9).isEmpty()) OffsetDateTime.parse(rec.fields().get(9));
        }
      }
    }
    assertEquals(r.events(), rows);
    List<String> officerLines = Files.readAllLines(tmp.resolve("reference/officers.csv"), StandardCharsets.UTF_8);
    assertEquals("officer_id,display_name,unit_code,role", officerLines.get(0));
    assertEquals(r.officers(), officerLines.size() - 1);
  }
}
