package vn.hcmc.kpi.etl.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hcmc.kpi.etl.model.Channel;
import vn.hcmc.kpi.etl.model.EventType;
import vn.hcmc.kpi.etl.reference.Procedure;

/**
 * Volumes, mix and rates against DOMAIN.md: all 168 units, intake 2–8 March 2026 (no holidays),
 * observed until 29 March so that most multi-day dossiers have ended.
 */
class GeneratorVolumeTest {

  private static final LocalDate FROM = LocalDate.parse("2026-03-02");
  private static final LocalDate INTAKE_TO = LocalDate.parse("2026-03-08");
  private static final int WORKING_DAYS = 5;
  private static Gen.Run run;
  private static Map<String, LogStats.Dossier> intake; // dossiers received FROM..INTAKE_TO

  @BeforeAll
  static void generate() {
    run = Gen.run(new GeneratorOptions(Gen.allUnits(), FROM, LocalDate.parse("2026-03-29"), 1.0, 42));
    long cut = LogEvent.localSeconds(INTAKE_TO.plusDays(1).atStartOfDay());
    intake = new HashMap<>();
    LogStats.byDossier(run.rows()).forEach((id, d) -> { if (d.first().at() < cut) intake.put(id, d); });
    System.out.println(run.result().summary(new GeneratorOptions(Gen.allUnits(), FROM, LocalDate.parse("2026-03-29"), 1.0, 42)));
    System.out.print(LogStats.report(Gen.REF, intake.values().stream().flatMap(d -> d.events().stream()).toList(),
        168, WORKING_DAYS));
  }

  @Test
  void perUnitVolumesAreSkewedBetweenAFewDozenAndAboutThreeHundredPerWorkingDay() {
    Map<String, Integer> perUnit = new HashMap<>();
    Map<String, Integer> perUnitWorkingDays = new HashMap<>();
    for (LogStats.Dossier d : intake.values()) {
      perUnit.merge(d.ward(), 1, Integer::sum);
      if (Gen.REF.calendar(d.ward()).isWorkingDay(d.first().occurredLocal().toLocalDate())) {
        perUnitWorkingDays.merge(d.ward(), 1, Integer::sum);
      }
    }
    assertEquals(168, perUnit.size());
    // all intake (weekend online and Saturday counters included) per working day
    double[] means = perUnit.values().stream().mapToDouble(n -> n / (double) WORKING_DAYS).sorted().toArray();
    // intake on working days only, per working day
    double[] workingDayMeans = perUnitWorkingDays.values().stream().mapToDouble(n -> n / (double) WORKING_DAYS)
        .sorted().toArray();
    assertTrue(workingDayMeans[0] >= 20, "smallest unit " + workingDayMeans[0]);
    assertTrue(workingDayMeans[means.length - 1] <= 310, "largest unit " + workingDayMeans[means.length - 1]);
    double cityMean = intake.size() / 168.0 / WORKING_DAYS;
    assertTrue(cityMean > 80 && cityMean < 100, "city mean per unit per working day " + cityMean);
    double median = means[means.length / 2];
    assertTrue(cityMean > median, "right-skewed: mean " + cityMean + " > median " + median);
    assertTrue(means[means.length - 1] > 2.5 * median, "a long tail of busy wards: max " + means[means.length - 1]);
    for (String u : Gen.allUnits()) {
      double b = Gen.GENERATOR.profile(u, 42, 1.0).baseVolume();
      assertTrue(b >= 25 && b <= 300, u + " base " + b);
      int size = Gen.GENERATOR.profile(u, 42, 1.0).officers().size();
      assertTrue(size >= 15 && size <= 35, u + " officers " + size);
    }
  }

  @Test
  void mondaysAreBusierAndCountersCloseOnSundays() {
    Map<DayOfWeek, Integer> byDay = new EnumMap<>(DayOfWeek.class);
    for (LogStats.Dossier d : intake.values()) byDay.merge(d.first().occurredLocal().getDayOfWeek(), 1, Integer::sum);
    double midweek = (byDay.get(DayOfWeek.WEDNESDAY) + byDay.get(DayOfWeek.THURSDAY) + byDay.get(DayOfWeek.FRIDAY)) / 3.0;
    assertTrue(byDay.get(DayOfWeek.MONDAY) > 1.08 * midweek, "Monday " + byDay.get(DayOfWeek.MONDAY) + " vs " + midweek);
    assertTrue(byDay.get(DayOfWeek.SUNDAY) < 0.2 * midweek, "Sunday " + byDay.get(DayOfWeek.SUNDAY));
    assertTrue(byDay.get(DayOfWeek.SUNDAY) > 0, "online intake on Sunday");
  }

  @Test
  void channelAndProcedureMixMatchTheDomainNotes() {
    Map<Channel, Integer> ch = new EnumMap<>(Channel.class);
    Map<String, Integer> field = new HashMap<>();
    int sameDay = 0;
    for (LogStats.Dossier d : intake.values()) {
      ch.merge(d.first().channel(), 1, Integer::sum);
      Procedure p = Gen.REF.procedure(d.first().procedureCode());
      field.merge(p.field(), 1, Integer::sum);
      if (p.timeUnit() == Procedure.TimeUnit.SAME_DAY) sameDay++;
    }
    double n = intake.size();
    assertBetween("counter share", ch.get(Channel.COUNTER) / n, 0.55, 0.70);
    assertBetween("online share", ch.get(Channel.ONLINE) / n, 0.25, 0.40);
    assertBetween("post share", ch.get(Channel.POST) / n, 0.02, 0.05);
    assertBetween("same-day share", sameDay / n, 0.65, 0.85);
    assertBetween("land share", field.get("dat_dai") / n, 0.03, 0.10);
    assertBetween("construction share", field.get("xay_dung") / n, 0.01, 0.03);
    assertBetween("household business share", field.get("kinh_doanh") / n, 0.02, 0.05);
    assertBetween("civil status share", field.get("ho_tich") / n, 0.05, 0.20);
  }

  @Test
  void outcomesLatenessAndSupplementsAreInRange() {
    Map<LogStats.Verdict, Integer> v = new EnumMap<>(LogStats.Verdict.class);
    int lateSlow = 0, resolvedSlow = 0, lateOther = 0, resolvedOther = 0;
    int multiDay = 0, multiWithSupplement = 0, rejected = 0, withErrors = 0;
    for (LogStats.Dossier d : intake.values()) {
      LogStats.Verdict verdict = LogStats.verdict(Gen.REF, d);
      v.merge(verdict, 1, Integer::sum);
      Procedure p = Gen.REF.procedure(d.first().procedureCode());
      boolean slow = p.field().equals("dat_dai") || p.field().equals("xay_dung");
      if (verdict != LogStats.Verdict.OPEN && verdict != LogStats.Verdict.WITHDRAWN) {
        if (slow) { resolvedSlow++; if (verdict == LogStats.Verdict.LATE) lateSlow++; }
        else { resolvedOther++; if (verdict == LogStats.Verdict.LATE) lateOther++; }
      }
      boolean supp = d.events().stream().anyMatch(e -> e.type() == EventType.SUPPLEMENT_REQUESTED);
      if (p.timeUnit() != Procedure.TimeUnit.SAME_DAY) { multiDay++; if (supp) multiWithSupplement++; }
      if (d.events().stream().anyMatch(e -> e.type() == EventType.REJECTED)) rejected++;
      if (d.events().stream().anyMatch(e -> e.type() == EventType.INTEGRATION_ERROR)) withErrors++;
    }
    double n = intake.size();
    int resolved = resolvedSlow + resolvedOther;
    assertBetween("overall late share of resolved", (lateSlow + lateOther) / (double) resolved, 0.01, 0.05);
    double slowRate = lateSlow / (double) resolvedSlow, otherRate = lateOther / (double) resolvedOther;
    assertTrue(slowRate > 5 * otherRate, "late concentrated in land and construction: " + slowRate + " vs " + otherRate);
    assertBetween("supplements on multi-day dossiers", multiWithSupplement / (double) multiDay, 0.03, 0.10);
    assertBetween("withdrawn", v.getOrDefault(LogStats.Verdict.WITHDRAWN, 0) / n, 0.002, 0.01);
    assertBetween("rejected", rejected / n, 0.008, 0.025);
    assertBetween("dossiers with integration errors", withErrors / n, 0.01, 0.03);
    assertTrue(v.getOrDefault(LogStats.Verdict.OPEN, 0) / n < 0.02, "few still open three weeks on: " + v);
  }

  @Test
  void someProcessingHappensAfterHoursAndErrorsBurstInPeakHours() {
    int processing = 0, after = 0, errors = 0, peakErrors = 0;
    for (LogEvent e : run.rows()) {
      if (e.type() == EventType.INTEGRATION_ERROR) {
        errors++;
        int h = e.occurredLocal().getHour();
        if (h == 9 || h == 14) peakErrors++;
        continue;
      }
      if (e.type() == EventType.RECEIVED || e.officerId() == null) continue;
      processing++;
      if (LogStats.afterHours(Gen.REF.calendar(e.wardCode()), e.occurredLocal())) after++;
    }
    assertBetween("after-hours share of processing events", after / (double) processing, 0.04, 0.11);
    // 2 of the ~9.5 office hours hold well over their proportional ~20% of the errors
    assertTrue(peakErrors > 0.4 * errors, "errors in 9–10h and 14–15h: " + peakErrors + " of " + errors);
  }

  private static void assertBetween(String what, double v, double lo, double hi) {
    assertTrue(v >= lo && v <= hi, what + " = " + v + ", expected in [" + lo + ", " + hi + "]");
  }
}
