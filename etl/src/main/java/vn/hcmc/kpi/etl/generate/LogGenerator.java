package vn.hcmc.kpi.etl.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import vn.hcmc.kpi.etl.clock.OfficeSession;
import vn.hcmc.kpi.etl.clock.WorkingCalendar;
import vn.hcmc.kpi.etl.model.Channel;
import vn.hcmc.kpi.etl.model.EventType;
import vn.hcmc.kpi.etl.reference.Officer;
import vn.hcmc.kpi.etl.reference.Procedure;
import vn.hcmc.kpi.etl.reference.ReferenceData;
import vn.hcmc.kpi.etl.reference.Unit;

/**
 * Generates a realistic processing log (SPEC 3.1) for the ward-level units of Ho Chi Minh City,
 * in plain Java. Everything is derived from the seed: a unit's character from (seed, unit), the
 * dossiers received on a day from (seed, unit, day), integration-error bursts from
 * (seed, unit, day); so a unit's rows do not depend on which other units are generated, and the
 * same seed and options give byte-identical files.
 *
 * <h2>Output ({@link #writeTo})</h2>
 * <pre>
 * OUT/events/events-YYYY-Www.csv   one file per ISO week of occurred_at; header = LogColumns.ALL;
 *                                  RFC 4180, UTF-8, CRLF; rows sorted by time, ward, dossier, seq
 * OUT/reference/officers.csv       officer_id,display_name,unit_code,role (COUNTER, SPECIALIST, LEADER)
 * </pre>
 * Existing {@code events-YYYY-Www.csv} files in {@code OUT/events} are deleted first, so a folder
 * never mixes two runs. {@code occurred_at} and {@code due_at} are always written as local time with
 * the offset, e.g. {@code 2026-01-05T08:12:33+07:00}; an appointment date on RECEIVED (ngày hẹn trả)
 * is written as the office close of that day ({@code 2026-01-07T17:00:00+07:00}), so its local date is
 * the due date. {@code procedure_code} and {@code channel} are written on RECEIVED only (later events
 * inherit them). Ids: dossier {@code H26782-260105-0012} (unit, receipt date, number of the day in
 * arrival order), event {@code E26782-260105-0012-03} (3rd event of that dossier, chronological).
 * The log is a snapshot at the end of {@code to}: later events are not written, so dossiers received
 * near the end are still open. There is no backlog from before {@code from}.
 *
 * <h2>Realism parameters</h2>
 * <ul>
 * <li>Volume: each unit's base volume per working day is log-normal (median 72, σ 0.5) × a kind
 *   factor (wards 0.95 + 0.07 per extra merged ward, communes 0.85, Côn Đảo 0.35), clamped to
 *   25–240 (busy days of the busiest wards go above 300); the city mean is about 85 per working day plus weekend online intake (~90 per working
 *   day all told, ~15,000 a day for 168 units). A day's volume = base × weekday factor
 *   (Mon 1.15, Tue 1.0, Wed 0.98, Thu 0.96, Fri 0.91; make-up Saturday 0.9) × day noise (log-normal
 *   σ 0.15) × pre-holiday rush (1.2 in the 6 days before a break of 4+ days) or post-holiday backlog
 *   (1.25 in the 4 days after) × scale; counts are Poisson.</li>
 * <li>Procedure mix: typical_share of procedures.csv, normalised, × per-unit noise (log-normal σ 0.15),
 *   rural units weigh land ×1.6, construction ×1.3, social ×1.4, certification ×0.9.</li>
 * <li>Channel given the procedure's field: online 27% (certification) to 60% (household business)
 *   × a unit multiplier (0.7–1.35); post 2.5–7%; the rest counter — about 62% counter, 34% online,
 *   4% post overall.</li>
 * <li>Intake times: counter and post only in the unit's office sessions on working days, peaking
 *   around 09:40 and 14:40; 75% of units also open the counter on Saturday 07:30–11:30 (not a working
 *   day; ~35% of a weekday's counter volume; closed when the Friday before is a holiday). Online at any
 *   hour with a day/evening profile; on non-working days online is 45% (Saturday), 35% (Sunday),
 *   20% (holiday) or 12% (inside a break of 4+ days, e.g. Tết) of a weekday's online volume.</li>
 * <li>Roster: 15–35 officers (14 + volume/11), 2–3 leaders, counter officers for ~25 counter/post
 *   dossiers a day each, the rest specialists spread over the procedure fields by effort.</li>
 * <li>Lifecycle: RECEIVED (counter officer; none online; due_at = appointment on 0% of dossiers in
 *   60% of units, 5–15% in 25%, 40–60% in 15%, ≈10% overall) → ASSIGNED specialist (PROCESSING) →
 *   [SUPPLEMENT_REQUESTED → SUPPLEMENT_RECEIVED, 3–10% of multi-day dossiers per unit, a reply after
 *   1–30 days (median 3), 12% ask a second time, 8% never answered] → ASSIGNED leader (APPROVAL) →
 *   COMPLETED 98% / REJECTED 1.5% (step RESULT, the leader) / WITHDRAWN 0.5% (any time) → RETURNED
 *   (counter officer; online results mostly electronic within minutes; post mailed the next working
 *   day; 2% never collected). Half the units log step deadlines on ASSIGNED.</li>
 * <li>Timing: same-day dossiers take ~40 office minutes (after the 15:00 cut-off they are due the next
 *   working day, many still finish the same day); multi-day dossiers mostly finish early (10% on the
 *   due date). Late: 0.4% of same-day, 1.5–4% of other multi-day, 15% construction, 20% land, × a unit
 *   factor (0.25–3.5, ×1.3 for busy units) — about 2–3% overall. 60% of late dossiers get an
 *   APOLOGY_ISSUED 0–2 working days before the deadline with due_at = the new date.</li>
 * <li>After hours: per unit 3–35% (median 13%, ×1.3 in busy units) of endings at 17:00–20:00, half of
 *   their same-day approvals in the same evening, some other approvals in the evening, a few weekend
 *   catch-ups — about 7% of officers' processing events outside office hours.</li>
 * <li>INTEGRATION_ERROR: per unit-day Poisson(0.35 × unit propensity 0.2–4) bursts of 10–50 minutes,
 *   60% at 08:45–10:15, 30% at 13:45–15:15; 12% of events inside a burst fail on its system
 *   (NATIONAL_PORTAL, POPULATION_DB, PAYMENT, CITY_ONE_STOP, DIGITAL_SIGNATURE), plus a 0.1% background
 *   per event; the officer is the one who acted — about 2% of dossiers get one.</li>
 * <li>The officers.csv of a --reference folder is not used: rosters are always generated.</li>
 * </ul>
 */
public final class LogGenerator {

  /** Weekday factors, index = ISO day of week. */
  static final double[] WEEKDAY_FACTOR = {0, 1.15, 1.0, 0.98, 0.96, 0.91, 0.9, 0.9};
  static final double SATURDAY_COUNTER_FACTOR = 0.35;
  static final LocalTime SATURDAY_OPENS = LocalTime.of(7, 30);
  static final LocalTime SATURDAY_CLOSES = LocalTime.of(11, 30);
  /** Online intake by hour of day. */
  static final double[] ONLINE_HOURLY = {0.25, 0.12, 0.08, 0.06, 0.08, 0.2, 0.6, 1.5, 3.0, 4.0, 4.0, 3.2,
      2.0, 2.4, 3.4, 3.5, 3.0, 2.2, 1.6, 1.9, 2.1, 1.8, 1.1, 0.6};
  private static final double[] ONLINE_HOURLY_CUM = Rng.cumulative(ONLINE_HOURLY);

  private static final Comparator<LogEvent> FILE_ORDER = Comparator.comparingLong(LogEvent::at)
      .thenComparing(LogEvent::wardCode).thenComparing(LogEvent::dossierId).thenComparingInt(LogEvent::seq);

  private final ReferenceData ref;
  private final List<Procedure> procedures;
  private final Map<String, UnitProfile> profileCache = new ConcurrentHashMap<>();

  public LogGenerator(ReferenceData ref) {
    this.ref = ref;
    this.procedures = List.copyOf(ref.procedures().values());
    if (procedures.isEmpty()) throw new IllegalArgumentException("procedures.csv has no procedures");
  }

  public ReferenceData reference() { return ref; }

  /** The generated character and roster of a unit (what {@link #generate} uses for the same seed and scale). */
  public UnitProfile profile(String unitCode, long seed, double scale) {
    Unit u = ref.units().get(unitCode);
    if (u == null) throw new IllegalArgumentException("unknown unit code '" + unitCode + "' (not in units.csv)");
    return profileCache.computeIfAbsent(unitCode + "|" + seed + "|" + Double.doubleToLongBits(scale),
        k -> new UnitProfile(u, procedures, seed, scale));
  }

  /** Generates the log and writes it under {@code outDir} (see the class comment for the layout). */
  public GenerationResult writeTo(GeneratorOptions opts, Path outDir) throws IOException {
    Path events = outDir.resolve("events");
    Path refDir = outDir.resolve("reference");
    Files.createDirectories(events);
    Files.createDirectories(refDir);
    try (DirectoryStream<Path> old = Files.newDirectoryStream(events, "events-*.csv")) {
      for (Path p : old) {
        if (p.getFileName().toString().matches("events-\\d{4}-W\\d{2}\\.csv")) Files.delete(p);
      }
    }
    List<Path> files = new ArrayList<>();
    GenerationResult r = generate(opts, (name, monday, rows) -> {
      Path f = events.resolve("events-" + name + ".csv");
      CsvEventWriter.writeEvents(f, rows);
      files.add(f);
    });
    List<Officer> officers = new ArrayList<>();
    for (String code : opts.unitCodes()) officers.addAll(profile(code, opts.seed(), opts.scale()).officers());
    CsvEventWriter.writeOfficers(refDir.resolve(ReferenceData.OFFICERS), officers);
    return new GenerationResult(r.dossiers(), r.events(), r.eventsByType(), r.dossiersByChannel(), r.dossiersByUnit(),
        r.eventsByUnit(), List.copyOf(files), r.officers(), r.workingDays(), r.elapsedMillis());
  }

  /** Generates the log into a sink, one ISO week at a time (memory holds about one week of rows). */
  public GenerationResult generate(GeneratorOptions opts, EventSink sink) throws IOException {
    long t0 = System.nanoTime();
    List<UnitRun> runs = new ArrayList<>();
    int officers = 0;
    for (String code : opts.unitCodes()) {
      UnitProfile p = profile(code, opts.seed(), opts.scale());
      officers += p.officers().size();
      runs.add(new UnitRun(p, new DossierSimulator(p, ref.calendar(code), opts.seed()), ref.calendar(code)));
    }
    long snapshotEnd = LogEvent.localSeconds(opts.to().plusDays(1).atStartOfDay());
    TreeMap<LocalDate, List<LogEvent>> weeks = new TreeMap<>();
    Map<EventType, Long> byType = new EnumMap<>(EventType.class);
    Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
    Map<String, Long> dossiersByUnit = new TreeMap<>();
    Map<String, Long> eventsByUnit = new TreeMap<>();
    for (String code : opts.unitCodes()) { dossiersByUnit.put(code, 0L); eventsByUnit.put(code, 0L); }
    long dossiers = 0, events = 0;
    WorkingCalendar dflt = ref.calendar(null);
    int workingDays = 0;

    for (LocalDate d = opts.from(); !d.isAfter(opts.to()); d = d.plusDays(1)) {
      if (dflt.isWorkingDay(d)) workingDays++;
      final LocalDate day = d;
      List<List<LogEvent>> perUnit = runs.parallelStream()
          .map(u -> unitDay(u, day, opts, snapshotEnd)).toList();
      for (List<LogEvent> list : perUnit) {
        for (LogEvent e : list) {
          weeks.computeIfAbsent(e.occurredLocal().toLocalDate().with(DayOfWeek.MONDAY), k -> new ArrayList<>()).add(e);
        }
      }
      if (d.getDayOfWeek() == DayOfWeek.SUNDAY || d.equals(opts.to())) {
        LocalDate monday = d.with(DayOfWeek.MONDAY);
        while (!weeks.isEmpty() && !weeks.firstKey().isAfter(monday)) {
          Map.Entry<LocalDate, List<LogEvent>> w = weeks.pollFirstEntry();
          List<LogEvent> rows = w.getValue();
          rows.sort(FILE_ORDER);
          for (LogEvent e : rows) {
            events++;
            byType.merge(e.type(), 1L, Long::sum);
            eventsByUnit.merge(e.wardCode(), 1L, Long::sum);
            if (e.type() == EventType.RECEIVED) {
              dossiers++;
              byChannel.merge(e.channel(), 1L, Long::sum);
              dossiersByUnit.merge(e.wardCode(), 1L, Long::sum);
            }
          }
          sink.week(weekName(w.getKey()), w.getKey(), rows);
        }
      }
    }
    return new GenerationResult(dossiers, events, byType, byChannel, dossiersByUnit, eventsByUnit, List.of(),
        officers, workingDays, (System.nanoTime() - t0) / 1_000_000);
  }

  /** e.g. 2026-W02 for the ISO week of the given day. */
  public static String weekName(LocalDate d) {
    return String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  private record UnitRun(UnitProfile profile, DossierSimulator sim, WorkingCalendar cal) {}

  /** The arrivals of one unit on one day, each dossier played out to the snapshot end. */
  private List<LogEvent> unitDay(UnitRun run, LocalDate d, GeneratorOptions opts, long snapshotEnd) {
    UnitProfile u = run.profile();
    WorkingCalendar cal = run.cal();
    SplittableRandom r = Rng.of(opts.seed(), Rng.hash("unit-day"), Rng.hash(u.code()), d.toEpochDay());
    double base = u.baseVolume() * opts.scale() * Rng.logNormal(r, 1.0, 0.15);
    int dow = d.getDayOfWeek().getValue();
    boolean working = cal.isWorkingDay(d);
    double counterExp = 0, postExp = 0, onlineExp;
    OfficeSession[] counterSessions;
    if (working) {
      double f = WEEKDAY_FACTOR[dow] * season(cal, d);
      counterExp = base * f * u.channelShare(Channel.COUNTER);
      postExp = base * f * u.channelShare(Channel.POST);
      onlineExp = base * f * u.channelShare(Channel.ONLINE);
      counterSessions = cal.sessions(d);
    } else {
      int breakLen = nonWorkingRun(cal, d);
      boolean holiday = dow <= 5 || breakLen > 2;
      double of = breakLen >= 4 ? 0.12 : holiday ? 0.2 : dow == 6 ? 0.45 : 0.35;
      onlineExp = base * of * u.channelShare(Channel.ONLINE);
      if (dow == 6 && u.saturdayCounter() && !holiday && cal.isWorkingDay(d.minusDays(1))) {
        counterExp = base * SATURDAY_COUNTER_FACTOR * u.channelShare(Channel.COUNTER);
        counterSessions = new OfficeSession[] {new OfficeSession(SATURDAY_OPENS, SATURDAY_CLOSES)};
      } else {
        counterSessions = new OfficeSession[0];
      }
    }
    int nCounter = counterSessions.length == 0 ? 0 : Rng.poisson(r, counterExp);
    int nPost = working ? Rng.poisson(r, postExp) : 0;
    int nOnline = Rng.poisson(r, onlineExp);
    int n = nCounter + nPost + nOnline;
    if (n == 0) return List.of();
    long[] arrivals = new long[n]; // second of day * 4 + channel ordinal, sorted = arrival order
    int k = 0;
    for (int i = 0; i < nCounter; i++) arrivals[k++] = (long) counterSecond(r, counterSessions) * 4 + Channel.COUNTER.ordinal();
    for (int i = 0; i < nPost; i++) arrivals[k++] = (long) uniformSecond(r, counterSessions) * 4 + Channel.POST.ordinal();
    for (int i = 0; i < nOnline; i++) {
      int h = Rng.pick(r, ONLINE_HOURLY_CUM);
      arrivals[k++] = (long) (h * 3600 + r.nextInt(3600)) * 4 + Channel.ONLINE.ordinal();
    }
    java.util.Arrays.sort(arrivals);
    Channel[] channels = Channel.values();
    String prefix = "H" + u.code() + "-" + String.format("%02d%02d%02d", d.getYear() % 100, d.getMonthValue(), d.getDayOfMonth()) + "-";
    List<LogEvent> out = new ArrayList<>(n * 7);
    for (int i = 0; i < n; i++) {
      SplittableRandom dr = r.split();
      Channel ch = channels[(int) (arrivals[i] & 3)];
      LocalDateTime t = d.atStartOfDay().plusSeconds(arrivals[i] >> 2);
      Procedure p = u.pickProcedure(dr, ch);
      String id = prefix + (i + 1 < 10000 ? String.format("%04d", i + 1) : Integer.toString(i + 1));
      out.addAll(run.sim().simulate(id, t, ch, p, dr, snapshotEnd));
    }
    return out;
  }

  /** Counter arrivals: within the sessions, peaking mid-morning and mid-afternoon. */
  private static int counterSecond(SplittableRandom r, OfficeSession[] sessions) {
    while (true) {
      int s = uniformSecond(r, sessions);
      double h = s / 3600.0;
      double w = 0.45 + Math.exp(-Math.pow((h - 9.6) / 1.1, 2)) + 0.75 * Math.exp(-Math.pow((h - 14.6) / 1.0, 2));
      if (r.nextDouble() * 1.6 < w) return s;
    }
  }

  private static int uniformSecond(SplittableRandom r, OfficeSession[] sessions) {
    long total = 0;
    for (OfficeSession s : sessions) total += s.seconds();
    long x = r.nextLong(total);
    for (OfficeSession s : sessions) {
      if (x < s.seconds()) return (int) (s.opens().toSecondOfDay() + x);
      x -= s.seconds();
    }
    throw new IllegalStateException("unreachable");
  }

  /** Length of the run of consecutive non-working days containing d (0 if d is a working day). */
  static int nonWorkingRun(WorkingCalendar cal, LocalDate d) {
    if (cal.isWorkingDay(d)) return 0;
    int n = 1;
    for (LocalDate x = d.minusDays(1); !cal.isWorkingDay(x) && n < 30; x = x.minusDays(1)) n++;
    for (LocalDate x = d.plusDays(1); !cal.isWorkingDay(x) && n < 30; x = x.plusDays(1)) n++;
    return n;
  }

  /** Rush before a long break (4+ days off) and backlog after it. */
  static double season(WorkingCalendar cal, LocalDate d) {
    for (int i = 1; i <= 6; i++) {
      LocalDate x = d.plusDays(i);
      if (!cal.isWorkingDay(x) && nonWorkingRun(cal, x) >= 4) return 1.2;
    }
    for (int i = 1; i <= 4; i++) {
      LocalDate x = d.minusDays(i);
      if (!cal.isWorkingDay(x) && nonWorkingRun(cal, x) >= 4) return 1.25;
    }
    return 1.0;
  }
}
