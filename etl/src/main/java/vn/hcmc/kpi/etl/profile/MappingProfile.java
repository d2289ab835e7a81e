package vn.hcmc.kpi.etl.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import vn.hcmc.kpi.etl.model.Channel;
import vn.hcmc.kpi.etl.model.EventType;

/**
 * A mapping profile: how a log that is not in the native format (an XES event log, a request-level
 * CSV) becomes native events. A profile is a UTF-8 {@code .properties} file; the keys are listed in
 * {@link #KEYS} and documented in docs/mapping-profiles.md. Shipped profiles live on the class path
 * under {@code profiles/NAME.properties} and are chosen by name ({@code --profile wabo}); any other
 * value of --profile is read as a file path. Unknown keys are refused, so a typo fails before Spark
 * starts.
 */
public final class MappingProfile implements Serializable {

  public enum Format { XES, REQUESTS }

  /** How the receipt (RECEIVED) of an XES trace is found. */
  public enum Receipt { FIRST_EVENT, TRACE_ATTRIBUTE }

  /** How the end (COMPLETED/REJECTED) of an XES trace is found. */
  public enum End { LAST_EVENT, TRACE_ATTRIBUTE, NONE }

  /** Which XES events become tasks (ASSIGNED). */
  public enum Tasks { EVENTS, LIFECYCLE }

  /** Every key a profile may hold. */
  public static final Set<String> KEYS = Set.of(
      "format", "description", "dossier", "dossier.prefix", "unit", "unit.prefix", "unit.name", "unit.kind",
      "procedure", "procedure.default", "procedure.limit", "channel", "channel.map", "channel.default", "officer", "step",
      "step.deadline", "case.deadline", "receipt", "end", "end.when", "tasks", "outcome", "outcome.map",
      "outcome.default", "created", "closed", "due", "time.zone", "time.format", "ignore.values");

  private final String name;
  private final Map<String, String> values;
  // parsed once; all Serializable
  private final Format format;
  private final AttributeRef dossier;
  private final AttributeRef unit;
  private final AttributeRef procedure;
  private final AttributeRef channel;
  private final Map<String, Channel> channelMap;
  private final AttributeRef officer;
  private final AttributeRef step;
  private final AttributeRef stepDeadline;
  private final AttributeRef caseDeadline;
  private final Receipt receipt;
  private final AttributeRef receiptAttribute;
  private final End end;
  private final AttributeRef endAttribute;
  private final AttributeRef endWhenAttribute;
  private final Set<String> endWhenValues;
  private final Tasks tasks;
  private final AttributeRef outcome;
  private final Map<String, EventType> outcomeMap;
  private final EventType outcomeDefault;
  private final AttributeRef created;
  private final AttributeRef closed;
  private final AttributeRef due;
  private final ZoneId zone;
  private final String timeFormat;
  private final Set<String> ignoreValues;

  private MappingProfile(String name, Map<String, String> values) {
    this.name = name;
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    for (String k : values.keySet()) {
      if (!KEYS.contains(k)) {
        throw error("unknown key '" + k + "' (known keys: " + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
      }
    }
    String f = req("format").toUpperCase(Locale.ROOT);
    try {
      format = Format.valueOf(f);
    } catch (IllegalArgumentException e) {
      throw error("format must be xes or requests, got '" + values.get("format") + "'");
    }
    dossier = ref("dossier", true);
    unit = ref("unit", true);
    procedure = ref("procedure", false);
    channel = ref("channel", false);
    channelMap = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : pairs("channel.map").entrySet()) {
      channelMap.put(e.getKey(), e.getValue().isEmpty() ? null : channelValue(e.getValue(), "channel.map"));
    }
    String cd = opt("channel.default");
    if (cd != null) channelValue(cd, "channel.default");
    officer = ref("officer", false);
    step = ref("step", false);
    stepDeadline = ref("step.deadline", false);
    caseDeadline = ref("case.deadline", false);
    created = ref("created", format == Format.REQUESTS);
    closed = ref("closed", false);
    due = ref("due", false);
    ignoreValues = new LinkedHashSet<>(list("ignore.values"));

    String r = opt("receipt");
    if (r == null || r.equals("first-event")) {
      receipt = Receipt.FIRST_EVENT;
      receiptAttribute = null;
    } else {
      receipt = Receipt.TRACE_ATTRIBUTE;
      receiptAttribute = AttributeRef.parse(r, "receipt");
      if (receiptAttribute.kind() != AttributeRef.Kind.TRACE) throw error("receipt must be first-event or trace:NAME");
    }
    String en = opt("end");
    AttributeRef endAttr = null;
    if (en == null || en.equals("last-event")) end = End.LAST_EVENT;
    else if (en.equals("none")) end = End.NONE;
    else {
      end = End.TRACE_ATTRIBUTE;
      endAttr = AttributeRef.parse(en, "end");
      if (endAttr.kind() != AttributeRef.Kind.TRACE) throw error("end must be last-event, none or trace:NAME");
    }
    endAttribute = endAttr;
    String when = opt("end.when");
    if (when != null) {
      int eq = when.indexOf('=');
      if (eq < 0) throw error("end.when must be ATTRIBUTE=VALUE[|VALUE...], got '" + when + "'");
      endWhenAttribute = AttributeRef.parse(when.substring(0, eq).strip(), "end.when");
      endWhenValues = new LinkedHashSet<>(List.of(when.substring(eq + 1).strip().split("\\|")));
    } else {
      endWhenAttribute = null;
      endWhenValues = Set.of();
    }
    String t = opt("tasks");
    if (t == null || t.equals("events")) tasks = Tasks.EVENTS;
    else if (t.equals("lifecycle")) tasks = Tasks.LIFECYCLE;
    else throw error("tasks must be events or lifecycle, got '" + t + "'");
    outcome = ref("outcome", false);
    outcomeMap = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : pairs("outcome.map").entrySet()) {
      outcomeMap.put(e.getKey(), e.getValue().isEmpty() ? null : endType(e.getValue(), "outcome.map"));
    }
    String od = opt("outcome.default");
    outcomeDefault = od == null ? EventType.COMPLETED : endType(od, "outcome.default");
    String z = opt("time.zone");
    try {
      zone = z == null ? ZoneId.of("UTC") : ZoneId.of(z);
    } catch (DateTimeException e) {
      throw error("time.zone is not a zone id: '" + z + "'");
    }
    timeFormat = opt("time.format");
    if (timeFormat != null) {
      try {
        DateTimeFormatter.ofPattern(timeFormat, Locale.ROOT);
      } catch (IllegalArgumentException e) {
        throw error("time.format is not a date-time pattern: " + e.getMessage());
      }
    }
    if (format == Format.XES) {
      for (String k : List.of("created", "closed", "due")) {
        if (values.containsKey(k)) throw error("'" + k + "' is for request-level CSV profiles (format = requests)");
      }
    } else {
      for (String k : List.of("receipt", "end", "end.when", "tasks", "step.deadline", "case.deadline")) {
        if (values.containsKey(k)) throw error("'" + k + "' is for XES profiles (format = xes)");
      }
    }
  }

  /** Loads a shipped profile by name, or a profile file by path. */
  public static MappingProfile load(String nameOrFile) {
    String res = "profiles/" + nameOrFile + ".properties";
    if (nameOrFile.matches("[A-Za-z0-9_-]+")) {
      try (InputStream in = MappingProfile.class.getClassLoader().getResourceAsStream(res)) {
        if (in != null) return parse(nameOrFile, new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read shipped profile " + res + ": " + e.getMessage(), e);
      }
    }
    Path p = Path.of(nameOrFile);
    if (!Files.isRegularFile(p)) {
      throw new IllegalArgumentException("--profile: no shipped profile named '" + nameOrFile + "' (shipped: "
          + String.join(", ", shipped()) + ") and no such file");
    }
    try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
      return parse(p.toString(), r);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read profile " + p + ": " + e.getMessage(), e);
    }
  }

  /** Names of the shipped profiles. */
  public static List<String> shipped() {
    return List.of("wabo", "bpic2015", "bpic2015-phases", "nyc311", "xes");
  }

  public static MappingProfile parse(String name, Reader in) throws IOException {
    Properties p = new Properties();
    p.load(in);
    Map<String, String> values = new LinkedHashMap<>();
    for (String k : p.stringPropertyNames()) values.put(k.strip(), p.getProperty(k).strip());
    return new MappingProfile(name, values);
  }

  public static MappingProfile of(String name, Map<String, String> values) {
    return new MappingProfile(name, values);
  }

  // ---- accessors

  public String name() { return name; }
  public Format format() { return format; }
  public AttributeRef dossier() { return dossier; }
  public String dossierPrefix() { return opt("dossier.prefix"); }
  public AttributeRef unit() { return unit; }
  public String unitPrefix() { return opt("unit.prefix"); }
  /** The display-name template of the units this profile's logs bring in; null = none registered. */
  public String unitName() { return opt("unit.name"); }
  public String unitKind() { return values.getOrDefault("unit.kind", "EXTERNAL"); }
  public AttributeRef procedure() { return procedure; }
  public String procedureDefault() { return opt("procedure.default"); }

  /**
   * The statutory limit ({@code procedure.limit}, e.g. {@code 56 DAYS}) given to every procedure the
   * log brings in that the procedures reference does not know; null = none, such dossiers are not judged.
   */
  public vn.hcmc.kpi.etl.reference.Procedure limitFor(String procedureCode) {
    String v = opt("procedure.limit");
    if (v == null) return null;
    String[] parts = v.trim().split("\\s+");
    if (parts.length != 2) {
      throw new IllegalArgumentException("profile " + name + ": procedure.limit must be '<number> <unit>', e.g. '56 DAYS', got '" + v + "'");
    }
    vn.hcmc.kpi.etl.reference.Procedure.TimeUnit unit;
    int n;
    try {
      n = Integer.parseInt(parts[0]);
      unit = vn.hcmc.kpi.etl.reference.Procedure.TimeUnit.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("profile " + name + ": procedure.limit must be '<number> <unit>' with unit one of "
          + java.util.Arrays.toString(vn.hcmc.kpi.etl.reference.Procedure.TimeUnit.values()) + ", got '" + v + "'");
    }
    return new vn.hcmc.kpi.etl.reference.Procedure(procedureCode, procedureCode, procedureCode, "external", n, unit,
        vn.hcmc.kpi.etl.reference.Procedure.DEFAULT_CUTOFF, vn.hcmc.kpi.etl.reference.Procedure.ClockRule.PAUSE, 0);
  }
  public AttributeRef officer() { return officer; }
  public AttributeRef step() { return step; }
  public AttributeRef stepDeadline() { return stepDeadline; }
  public AttributeRef caseDeadline() { return caseDeadline; }
  public Receipt receipt() { return receipt; }
  public AttributeRef receiptAttribute() { return receiptAttribute; }
  public End end() { return end; }
  public AttributeRef endAttribute() { return endAttribute; }
  public AttributeRef endWhenAttribute() { return endWhenAttribute; }
  public Set<String> endWhenValues() { return endWhenValues; }
  public Tasks tasks() { return tasks; }
  public AttributeRef created() { return created; }
  public AttributeRef closed() { return closed; }
  public AttributeRef due() { return due; }
  public AttributeRef outcome() { return outcome; }
  public ZoneId zone() { return zone; }
  public String timeFormat() { return timeFormat; }
  public AttributeRef channel() { return channel; }

  /** True when a value means "nothing" in this log (e.g. UNKNOWN, EMPTY). */
  public boolean ignored(String value) { return value == null || value.isBlank() || ignoreValues.contains(value.strip()); }

  /** The channel a source value maps to; unmapped values give channel.default (null when not set). */
  public Channel channelOf(String value) {
    String d = opt("channel.default");
    if (ignored(value)) return d == null ? null : Channel.valueOf(d.toUpperCase(Locale.ROOT));
    String v = value.strip();
    if (channelMap.containsKey(v)) return channelMap.get(v);
    for (Channel c : Channel.values()) if (c.name().equalsIgnoreCase(v)) return c;
    return d == null ? null : Channel.valueOf(d.toUpperCase(Locale.ROOT));
  }

  /** The end event type a status value maps to; null = the value is mapped to "not ended". */
  public EventType outcomeOf(String value) {
    if (value != null && outcomeMap.containsKey(value.strip())) return outcomeMap.get(value.strip());
    return outcomeDefault;
  }

  public Map<String, String> values() { return values; }

  // ---- parsing helpers

  private IllegalArgumentException error(String m) {
    return new IllegalArgumentException("profile " + name + ": " + m);
  }

  private String opt(String key) {
    String v = values.get(key);
    return v == null || v.isEmpty() ? null : v;
  }

  private String req(String key) {
    String v = opt(key);
    if (v == null) throw error("'" + key + "' is required");
    return v;
  }

  private AttributeRef ref(String key, boolean required) {
    String v = required ? req(key) : opt(key);
    if (v == null) return null;
    try {
      AttributeRef r = AttributeRef.parse(v, key);
      if (format == Format.REQUESTS && (r.kind() == AttributeRef.Kind.TRACE || r.kind() == AttributeRef.Kind.EVENT)) {
        throw error(key + ": a request-level CSV profile names columns (column:NAME) or constants");
      }
      if (format == Format.XES && r.kind() == AttributeRef.Kind.COLUMN) {
        throw error(key + ": an XES profile names trace:NAME or event:NAME attributes, not columns");
      }
      return r;
    } catch (IllegalArgumentException e) {
      if (e.getMessage().startsWith("profile ")) throw e;
      throw error(e.getMessage());
    }
  }

  private List<String> list(String key) {
    String v = opt(key);
    if (v == null) return List.of();
    List<String> out = new ArrayList<>();
    for (String s : v.split(",")) if (!s.isBlank()) out.add(s.strip());
    return out;
  }

  private Map<String, String> pairs(String key) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String item : list(key)) {
      int eq = item.indexOf('=');
      if (eq < 0) throw error(key + ": '" + item + "' is not SOURCE=TARGET");
      out.put(item.substring(0, eq).strip(), item.substring(eq + 1).strip());
    }
    return out;
  }

  private Channel channelValue(String v, String key) {
    try {
      return Channel.valueOf(v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw error(key + ": channel must be ONLINE, COUNTER or POST, got '" + v + "'");
    }
  }

  private EventType endType(String v, String key) {
    try {
      EventType t = EventType.valueOf(v.toUpperCase(Locale.ROOT));
      if (!t.endsProcessing()) throw new IllegalArgumentException();
      return t;
    } catch (IllegalArgumentException e) {
      throw error(key + ": an outcome must be COMPLETED, REJECTED or WITHDRAWN (or empty = not ended), got '" + v + "'");
    }
  }

  @Override public String toString() { return "profile " + name + " " + values; }
}
