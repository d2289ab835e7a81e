package vn.hcmc.kpi.etl.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hcmc.kpi.etl.model.Channel;
import vn.hcmc.kpi.etl.model.EventType;
import vn.hcmc.kpi.etl.reference.ReferenceData;

/** User reference files: other time units (HOURS, MONTHS), other fields and per-unit office hours. */
class CustomReferenceTest {

  @Test
  void followsTheUnitsOwnOfficeHoursAndAllTimeUnits(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("procedures.csv"), String.join("\n",
        "procedure_code,name_vi,name_en,field,time_value,time_unit,same_day_cutoff,clock_rule,typical_share",
        "P.SAME,Chứng thực,Certification,chung_thuc,0,SAME_DAY,15:00,PAUSE,0.7",
        "P.HOURS,Xác nhận,Confirmation,tu_phap,8,HOURS,,PAUSE,0.15",
        "P.MONTHS,Đất đai,Land,dat_dai,1,MONTHS,,RESTART,0.1",
        "P.DAYS,Xây dựng,Building,xay_dung,15,DAYS,,PAUSE,0.05"), StandardCharsets.UTF_8);
    Files.writeString(tmp.resolve("office_hours.csv"), String.join("\n",
        "unit_code,weekday,opens,closes",
        "26782,1,08:00,12:00", "26782,1,13:30,17:30", "26782,2,08:00,12:00", "26782,2,13:30,17:30",
        "26782,3,08:00,12:00", "26782,3,13:30,17:30", "26782,4,08:00,12:00", "26782,4,13:30,17:30",
        "26782,5,08:00,12:00", "26782,5,13:30,17:30"), StandardCharsets.UTF_8);
    ReferenceData ref = ReferenceData.load(tmp);
    LogGenerator g = new LogGenerator(ref);
    List<LogEvent> rows = new ArrayList<>();
    g.generate(new GeneratorOptions(List.of("26782", "27460"), LocalDate.parse("2026-03-02"),
        LocalDate.parse("2026-04-12"), 1.0, 42), (n, m, ev) -> rows.addAll(ev));

    Map<String, LogStats.Dossier> ds = LogStats.byDossier(rows);
    int[] perProcedure = new int[4];
    List<String> codes = List.of("P.SAME", "P.HOURS", "P.MONTHS", "P.DAYS");
    int completed = 0, early = 0;
    for (LogStats.Dossier d : ds.values()) {
      LogEvent rec = d.first();
      assertEquals(EventType.RECEIVED, rec.type());
      perProcedure[codes.indexOf(rec.procedureCode())]++;
      if (rec.occurredLocal().toLocalDate().isBefore(LocalDate.parse("2026-03-16"))) {
        early++;
        if (d.events().stream().anyMatch(e -> e.type() == EventType.COMPLETED)) completed++;
      }
      if (rec.channel() == Channel.ONLINE || !ref.calendar(d.ward()).isWorkingDay(rec.occurredLocal().toLocalDate())) continue;
      LocalTime t = rec.occurredLocal().toLocalTime();
      if (d.ward().equals("26782")) {
        assertTrue(!t.isBefore(LocalTime.of(8, 0)) && t.isBefore(LocalTime.of(17, 30))
            && !(t.isAfter(LocalTime.of(11, 59, 59)) && t.isBefore(LocalTime.of(13, 30))), "unit hours: " + rec);
      } else {
        assertTrue(!t.isBefore(LocalTime.of(7, 30)) && t.isBefore(LocalTime.of(17, 0)), "default hours: " + rec);
      }
    }
    for (int i = 0; i < 4; i++) assertTrue(perProcedure[i] > 20, codes.get(i) + ": " + perProcedure[i]);
    assertTrue(completed > 0.93 * early, "received in the first two weeks, completed " + completed + " of " + early);
    LogStats.Verdict v;
    int late = 0, resolved = 0;
    for (LogStats.Dossier d : ds.values()) {
      v = LogStats.verdict(ref, d);
      if (v == LogStats.Verdict.LATE) late++;
      if (v != LogStats.Verdict.OPEN && v != LogStats.Verdict.WITHDRAWN) resolved++;
    }
    assertTrue(late < 0.1 * resolved, "late " + late + " of " + resolved);
  }
}
