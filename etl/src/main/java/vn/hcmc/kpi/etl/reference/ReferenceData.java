package vn.hcmc.kpi.etl.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import vn.hcmc.kpi.etl.clock.OfficeSession;
import vn.hcmc.kpi.etl.clock.WorkingCalendar;

/**
 * The reference files of SPEC 3.2. Each file the user gives in the reference folder replaces
 * the shipped default of the same name; extra columns are ignored. Calendars are built once per
 * distinct (holidays, office hours) combination, so 168 units with the national calendar share one.
 */
public final class ReferenceData implements Serializable {

  public static final String PROCEDURES = "procedures.csv";
  public static final String UNITS = "units.csv";
  public static final String HOLIDAYS = "holidays.csv";
  public static final String OFFICE_HOURS = "office_hours.csv";
  public static final String OFFICERS = "officers.csv";
  private static final String ALL_UNITS = "*";

  private final Map<String, Procedure> procedures;
  private final Map<String, Unit> units;
  private final Map<String, Officer> officers;
  private final Map<String, WorkingCalendar> calendarByUnit;
  private final WorkingCalendar defaultCalendar;
  private final List<Holiday> holidays;
  private final List<String> sources;

  /** A row of holidays.csv ({@code unitCode} null = every unit), published so readers can count working days. */
  public record Holiday(LocalDate date, String kind, String unitCode, String name) implements Serializable {}

  private ReferenceData(Map<String, Procedure> procedures, Map<String, Unit> units,
                        Map<String, Officer> officers, Map<String, WorkingCalendar> calendarByUnit,
                        WorkingCalendar defaultCalendar, List<Holiday> holidays, List<String> sources) {
    this.procedures = procedures;
    this.units = units;
    this.officers = officers;
    this.calendarByUnit = calendarByUnit;
    this.defaultCalendar = defaultCalendar;
    this.holidays = holidays;
    this.sources = sources;
  }

  /** The shipped defaults only. */
  public static ReferenceData defaults() { return load(null); }

  /** Loads from a folder (may be null), falling back per file to the shipped defaults. */
  public static ReferenceData load(Path dir) {
    List<String> sources = new ArrayList<>();
    Table procedures = read(dir, PROCEDURES, true, sources);
    Table units = read(dir, UNITS, true, sources);
    Table holidays = read(dir, HOLIDAYS, true, sources);
    Table hours = read(dir, OFFICE_HOURS, false, sources);
    Table officers = read(dir, OFFICERS, false, sources);

    Map<String, Procedure> procs = new LinkedHashMap<>();
    for (Row r : procedures.rows) {
      String code = r.req("procedure_code");
      Procedure.TimeUnit unit = r.enumValue("time_unit", Procedure.TimeUnit.class);
      String cutoff = r.opt("same_day_cutoff");
      String rule = r.opt("clock_rule");
      String value = r.opt("time_value");
      procs.put(code, new Procedure(code, r.opt("name_vi"), r.opt("name_en"), r.opt("field"),
          value == null ? 0 : r.parse("time_value", Integer::parseInt),
          unit,
          cutoff == null ? Procedure.DEFAULT_CUTOFF : r.parse("same_day_cutoff", LocalTime::parse),
          rule == null ? Procedure.ClockRule.PAUSE : r.enumValue("clock_rule", Procedure.ClockRule.class),
          r.opt("typical_share") == null ? 0.0 : r.parse("typical_share", Double::parseDouble)));
    }
    Map<String, Unit> unitMap = new LinkedHashMap<>();
    for (Row r : units.rows) {
      String code = r.req("unit_code");
      unitMap.put(code, new Unit(code, r.opt("name"), r.opt("kind"), r.opt("former_province"), r.opt("merged_from")));
    }
    Map<String, Officer> officerMap = new LinkedHashMap<>();
    if (officers != null) {
      for (Row r : officers.rows) {
        String id = r.req("officer_id");
        officerMap.put(id, new Officer(id, r.opt("display_name"), r.opt("unit_code"), r.opt("role")));
      }
    }

    // holidays: optional unit_code column; empty or * = every unit
    Map<String, Set<LocalDate>> off = new TreeMap<>();
    Map<String, Set<LocalDate>> makeUp = new TreeMap<>();
    List<Holiday> holidayRows = new ArrayList<>();
    for (Row r : holidays.rows) {
      LocalDate d = r.parse("date", LocalDate::parse);
      String kind = r.req("kind").toUpperCase(Locale.ROOT);
      String unit = Objects.requireNonNullElse(r.opt("unit_code"), ALL_UNITS);
      holidayRows.add(new Holiday(d, kind, ALL_UNITS.equals(unit) ? null : unit, r.opt("name")));
      switch (kind) {
        case "HOLIDAY" -> off.computeIfAbsent(unit, k -> new HashSet<>()).add(d);
        case "WORKDAY" -> makeUp.computeIfAbsent(unit, k -> new HashSet<>()).add(d);
        default -> throw r.error("kind must be HOLIDAY or WORKDAY, got '" + kind + "'");
      }
    }
    Map<String, Map<Integer, List<OfficeSession>>> sessions = new TreeMap<>();
    if (hours != null) {
      for (Row r : hours.rows) {
        String unit = Objects.requireNonNullElse(r.opt("unit_code"), ALL_UNITS);
        int weekday = r.parse("weekday", Integer::parseInt);
        if (weekday < 1 || weekday > 7) throw r.error("weekday must be 1 (Monday) to 7, got " + weekday);
        OfficeSession s;
        try {
          s = new OfficeSession(r.parse("opens", LocalTime::parse), r.parse("closes", LocalTime::parse));
        } catch (IllegalArgumentException e) {
          throw r.error(e.getMessage());
        }
        sessions.computeIfAbsent(unit, k -> new TreeMap<>()).computeIfAbsent(weekday, k -> new ArrayList<>()).add(s);
      }
    }

    Map<String, WorkingCalendar> shared = new HashMap<>();
    WorkingCalendar dflt = calendarFor(ALL_UNITS, off, makeUp, sessions, shared);
    Map<String, WorkingCalendar> byUnit = new HashMap<>();
    Set<String> customised = new HashSet<>();
    customised.addAll(off.keySet());
    customised.addAll(makeUp.keySet());
    customised.addAll(sessions.keySet());
    customised.remove(ALL_UNITS);
    for (String unit : customised) byUnit.put(unit, calendarFor(unit, off, makeUp, sessions, shared));
    return new ReferenceData(Collections.unmodifiableMap(procs), Collections.unmodifiableMap(unitMap),
        Collections.unmodifiableMap(officerMap), byUnit, dflt, List.copyOf(holidayRows), List.copyOf(sources));
  }

  private static WorkingCalendar calendarFor(String unit, Map<String, Set<LocalDate>> off,
                                             Map<String, Set<LocalDate>> makeUp,
                                             Map<String, Map<Integer, List<OfficeSession>>> sessions,
                                             Map<String, WorkingCalendar> shared) {
    Set<LocalDate> h = new HashSet<>(off.getOrDefault(ALL_UNITS, Set.of()));
    h.addAll(off.getOrDefault(unit, Set.of()));
    Set<LocalDate> m = new HashSet<>(makeUp.getOrDefault(ALL_UNITS, Set.of()));
    m.addAll(makeUp.getOrDefault(unit, Set.of()));
    Map<Integer, List<OfficeSession>> s = new TreeMap<>(sessions.getOrDefault(ALL_UNITS, Map.of()));
    s.putAll(sessions.getOrDefault(unit, Map.of()));
    String key = new TreeMap<>(Map.of("h", new java.util.TreeSet<>(h).toString(),
        "m", new java.util.TreeSet<>(m).toString(), "s", s.toString())).toString();
    return shared.computeIfAbsent(key, k -> new WorkingCalendar(h, m, s));
  }

  public Map<String, Procedure> procedures() { return procedures; }
  public Procedure procedure(String code) { return code == null ? null : procedures.get(code); }
  public Map<String, Unit> units() { return units; }

  /** A copy with more units (e.g. those a mapping profile brings in); existing codes are kept as they are. */
  public ReferenceData withUnits(Map<String, Unit> more) {
    Map<String, Unit> all = new LinkedHashMap<>(units);
    more.forEach(all::putIfAbsent);
    return new ReferenceData(procedures, Collections.unmodifiableMap(all), officers, calendarByUnit, defaultCalendar,
        holidays, sources);
  }
  /** A copy that also knows these procedures (ones already known keep their reference row). */
  public ReferenceData withProcedures(Map<String, Procedure> more) {
    Map<String, Procedure> all = new LinkedHashMap<>(procedures);
    more.forEach(all::putIfAbsent);
    return new ReferenceData(Collections.unmodifiableMap(all), units, officers, calendarByUnit, defaultCalendar,
        holidays, sources);
  }
  public Map<String, Officer> officers() { return officers; }
  public WorkingCalendar calendar(String unitCode) {
    WorkingCalendar c = unitCode == null ? null : calendarByUnit.get(unitCode);
    return c == null ? defaultCalendar : c;
  }
  public List<Holiday> holidays() { return holidays; }
  /** Where each file came from (a path, or "default:NAME"), for the run record. */
  public List<String> sources() { return sources; }

  // ---- small header-aware table reading with errors that name the file and line ----

  private record Table(String source, List<Row> rows) {}

  private static final class Row {
    final String source;
    final long line;
    final Map<String, String> values;
    Row(String source, long line, Map<String, String> values) {
      this.source = source; this.line = line; this.values = values;
    }
    String opt(String col) {
      String v = values.get(col);
      return v == null || v.isBlank() ? null : v.strip();
    }
    String req(String col) {
      String v = opt(col);
      if (v == null) throw error("missing value for column '" + col + "'");
      return v;
    }
    <T> T parse(String col, java.util.function.Function<String, T> f) {
      String v = req(col);
      try {
        return f.apply(v);
      } catch (RuntimeException e) {
        throw error("cannot read column '" + col + "' value '" + v + "': " + e.getMessage());
      }
    }
    <E extends Enum<E>> E enumValue(String col, Class<E> type) {
      String v = req(col).toUpperCase(Locale.ROOT);
      try {
        return Enum.valueOf(type, v);
      } catch (IllegalArgumentException e) {
        throw error("column '" + col + "' must be one of " + java.util.Arrays.toString(type.getEnumConstants())
            + ", got '" + v + "'");
      }
    }
    IllegalArgumentException error(String msg) {
      return new IllegalArgumentException(source + ":" + line + ": " + msg);
    }
  }

  private static Table read(Path dir, String name, boolean required, List<String> sources) {
    try {
      if (dir != null && Files.isRegularFile(dir.resolve(name))) {
        Path p = dir.resolve(name);
        sources.add(p.toString());
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
          return parse(p.toString(), r);
        }
      }
      InputStream in = ReferenceData.class.getResourceAsStream("/reference/" + name);
      if (in == null) {
        if (required) throw new IllegalStateException("shipped reference file missing: " + name);
        return null;
      }
      sources.add("default:" + name);
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return parse("default:" + name, r);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read reference file " + name + ": " + e.getMessage(), e);
    }
  }

  static Table parse(String source, Reader reader) throws IOException {
    try (CsvReader csv = new CsvReader(reader)) {
      CsvReader.Record header = csv.next();
      if (header == null || !header.ok()) throw new IllegalArgumentException(source + ": no header row");
      List<String> cols = new ArrayList<>();
      for (String h : header.fields()) cols.add(h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT));
      List<Row> rows = new ArrayList<>();
      CsvReader.Record rec;
      while ((rec = csv.next()) != null) {
        if (!rec.ok()) throw new IllegalArgumentException(source + ":" + rec.line() + ": " + rec.error());
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < cols.size() && i < rec.fields().size(); i++) values.put(cols.get(i), rec.fields().get(i));
        rows.add(new Row(source, rec.line(), values));
      }
      return new Table(source, rows);
    }
  }
}
