package vn.hcmc.kpi.etl.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import vn.hcmc.kpi.etl.model.Channel;
import vn.hcmc.kpi.etl.reference.Officer;
import vn.hcmc.kpi.etl.reference.Procedure;
import vn.hcmc.kpi.etl.reference.Unit;

/**
 * The stable character of one unit in generated data, derived only from the run seed, the unit's
 * row in units.csv, the procedures file and the volume scale — never from which other units are
 * generated. See {@link LogGenerator} for the parameters and their ranges.
 */
public final class UnitProfile {

  public static final String ROLE_COUNTER = "COUNTER";
  public static final String ROLE_SPECIALIST = "SPECIALIST";
  public static final String ROLE_LEADER = "LEADER";

  /** Base online propensity of a dossier by procedure field (before the unit's multiplier). */
  static final Map<String, Double> ONLINE_BY_FIELD = Map.of(
      "chung_thuc", 0.27, "ho_tich", 0.45, "kinh_doanh", 0.60, "dat_dai", 0.30,
      "xay_dung", 0.40, "bao_tro_xa_hoi", 0.30);
  static final double ONLINE_DEFAULT = 0.35;
  /** Postal intake by field. */
  static final Map<String, Double> POST_BY_FIELD = Map.of(
      "chung_thuc", 0.025, "ho_tich", 0.04, "kinh_doanh", 0.05, "dat_dai", 0.07,
      "xay_dung", 0.05, "bao_tro_xa_hoi", 0.06);
  static final double POST_DEFAULT = 0.04;
  /** Procedure-field weights in rural communes (xa) and the special zone; wards use 1. */
  static final Map<String, Double> RURAL_FIELD_WEIGHT = Map.of(
      "chung_thuc", 0.9, "dat_dai", 1.6, "xay_dung", 1.3, "bao_tro_xa_hoi", 1.4);

  private final Unit unit;
  private final double baseVolume;
  private final double onlineMultiplier;
  private final boolean saturdayCounter;
  private final double lateMultiplier;
  private final double supplementRate;
  private final double afterHoursRate;
  private final double errorPropensity;
  private final double appointmentRate;
  private final boolean logsStepDeadlines;
  private final Procedure[] procedures;
  /** cumulative procedure weights given the channel (index = Channel.ordinal()). */
  private final double[][] procCumByChannel;
  /** expected share of each channel on a working day. */
  private final double[] channelShare;

  private final List<Officer> officers;
  private final Officer[] counters;
  private final double[] counterCum;
  private final Officer[] leaders;
  private final double[] leaderCum;
  private final Map<String, Officer[]> specialistsByField;
  private final Map<String, double[]> specialistCumByField;

  UnitProfile(Unit unit, List<Procedure> procs, long seed, double scale) {
    this.unit = unit;
    SplittableRandom r = Rng.of(seed, Rng.hash("unit-profile"), Rng.hash(unit.code()));
    String kind = unit.kind() == null ? "" : unit.kind();
    boolean rural = !kind.equals("phuong");
    int merged = unit.mergedFrom() == null || unit.mergedFrom().isBlank() ? 1 : unit.mergedFrom().split("\\|").length;
    double kindFactor = switch (kind) {
      case "phuong" -> 0.95 + 0.07 * (merged - 1);
      case "dac_khu" -> 0.35;
      default -> 0.85;
    };
    // skewed (log-normal) base volume: median ~69/working day, long right tail, 25..240 (busy days above 300)
    this.baseVolume = clamp(Rng.logNormal(r, 69, 0.5) * kindFactor, 25, 240);
    this.onlineMultiplier = clamp(Rng.logNormal(r, 1.0, 0.18), 0.7, 1.35);
    this.saturdayCounter = Rng.chance(r, 0.75);
    this.lateMultiplier = clamp(Rng.logNormal(r, 0.9, 0.55), 0.25, 3.5)
        * (baseVolume > 150 ? 1.3 : 1.0); // busy merged wards fall behind more
    this.supplementRate = Rng.uniform(r, 0.03, 0.10);
    this.afterHoursRate = clamp(Rng.logNormal(r, 0.13, 0.45) * (baseVolume > 120 ? 1.3 : 1.0), 0.03, 0.35);
    this.errorPropensity = clamp(Rng.logNormal(r, 0.9, 0.6), 0.2, 4.0);
    double a = r.nextDouble();
    this.appointmentRate = a < 0.6 ? 0.0 : a < 0.85 ? Rng.uniform(r, 0.05, 0.15) : Rng.uniform(r, 0.4, 0.6);
    this.logsStepDeadlines = Rng.chance(r, 0.5);

    // procedure mix of this unit and its channel split
    this.procedures = procs.toArray(new Procedure[0]);
    int n = procedures.length;
    double[] share = new double[n];
    double[][] chProb = new double[3][n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      Procedure p = procedures[i];
      double w = Math.max(0, p.typicalShare());
      if (rural) w *= RURAL_FIELD_WEIGHT.getOrDefault(p.field(), 1.0);
      w *= Rng.logNormal(r, 1.0, 0.15);
      share[i] = w;
      total += w;
      double online = Math.min(0.9, ONLINE_BY_FIELD.getOrDefault(p.field(), ONLINE_DEFAULT) * onlineMultiplier);
      double post = POST_BY_FIELD.getOrDefault(p.field(), POST_DEFAULT);
      chProb[Channel.ONLINE.ordinal()][i] = online;
      chProb[Channel.POST.ordinal()][i] = post;
      chProb[Channel.COUNTER.ordinal()][i] = Math.max(0, 1 - online - post);
    }
    if (total <= 0) throw new IllegalArgumentException("procedures.csv: typical_share must be positive for at least one procedure");
    this.channelShare = new double[3];
    this.procCumByChannel = new double[3][];
    for (int c = 0; c < 3; c++) {
      double[] w = new double[n];
      for (int i = 0; i < n; i++) { w[i] = share[i] / total * chProb[c][i]; channelShare[c] += w[i]; }
      procCumByChannel[c] = Rng.cumulative(w);
    }

    // roster
    double v = baseVolume * scale;
    int upper = (int) Math.max(35, Math.round(35 * scale));
    int size = (int) clamp(Math.round(14 + v / 11 + Rng.uniform(r, -2, 2)), 15, upper);
    int nLeaders = v > 150 || Rng.chance(r, 0.3) ? 3 : 2;
    int nCounters = (int) clamp(Math.round(v * (channelShare[Channel.COUNTER.ordinal()] + channelShare[Channel.POST.ordinal()]) / 25.0), 2, size / 3);
    int nSpecialists = size - nLeaders - nCounters;
    Set<String> names = new HashSet<>();
    List<Officer> all = new ArrayList<>();
    int[] seq = {1};
    leaders = new Officer[nLeaders];
    for (int i = 0; i < nLeaders; i++) leaders[i] = officer(r, ROLE_LEADER, Rng.chance(r, 0.4), names, all, seq);
    counters = new Officer[nCounters];
    for (int i = 0; i < nCounters; i++) counters[i] = officer(r, ROLE_COUNTER, Rng.chance(r, 0.65), names, all, seq);
    // specialists per field, proportional to the field's effort (multi-day dossiers weigh 3x)
    Map<String, Double> effort = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      Procedure p = procedures[i];
      String f = p.field() == null ? "" : p.field();
      double e = share[i] / total * (p.timeUnit() == Procedure.TimeUnit.SAME_DAY ? 1.0 : 3.0);
      effort.merge(f, e, Double::sum);
    }
    List<String> fields = new ArrayList<>(effort.keySet());
    Map<String, List<Officer>> byField = new LinkedHashMap<>();
    for (String f : fields) byField.put(f, new ArrayList<>());
    double effortTotal = effort.values().stream().mapToDouble(Double::doubleValue).sum();
    int[] alloc = new int[fields.size()];
    int given = 0;
    if (nSpecialists >= fields.size()) {
      for (int i = 0; i < alloc.length; i++) { alloc[i] = 1; given++; }
    }
    while (given < nSpecialists) { // give each next specialist to the field with most effort per head
      int best = 0;
      double bestRatio = -1;
      for (int i = 0; i < alloc.length; i++) {
        double ratio = effort.get(fields.get(i)) / effortTotal / (alloc[i] + 1.0);
        if (ratio > bestRatio) { bestRatio = ratio; best = i; }
      }
      alloc[best]++;
      given++;
    }
    List<Officer> specialists = new ArrayList<>();
    for (int i = 0; i < alloc.length; i++) {
      for (int k = 0; k < alloc[i]; k++) {
        Officer o = officer(r, ROLE_SPECIALIST, Rng.chance(r, 0.6), names, all, seq);
        byField.get(fields.get(i)).add(o);
        specialists.add(o);
      }
    }
    // a field without its own specialist is covered by everyone
    specialistsByField = new LinkedHashMap<>();
    specialistCumByField = new LinkedHashMap<>();
    for (String f : fields) {
      List<Officer> list = byField.get(f).isEmpty() ? specialists : byField.get(f);
      Officer[] arr = list.toArray(new Officer[0]);
      specialistsByField.put(f, arr);
      specialistCumByField.put(f, workWeights(r, arr.length));
    }
    counterCum = workWeights(r, counters.length);
    leaderCum = workWeights(r, leaders.length);
    this.officers = Collections.unmodifiableList(all);
  }

  private static double[] workWeights(SplittableRandom r, int n) {
    double[] w = new double[n];
    for (int i = 0; i < n; i++) w[i] = Rng.logNormal(r, 1.0, 0.35);
    return Rng.cumulative(w);
  }

  private Officer officer(SplittableRandom r, String role, boolean female, Set<String> names, List<Officer> all, int[] seq) {
    String id = unit.code() + "-CB" + String.format("%02d", seq[0]++);
    Officer o = new Officer(id, VietnameseNames.next(r, female, names), unit.code(), role);
    all.add(o);
    return o;
  }

  private static double clamp(double v, double lo, double hi) { return Math.max(lo, Math.min(hi, v)); }

  // ---- what tests and the generator read ----

  public Unit unit() { return unit; }
  public String code() { return unit.code(); }
  /** Expected dossiers per ordinary working day, all channels, before --scale. */
  public double baseVolume() { return baseVolume; }
  /** Whether the counter also receives on Saturday mornings (service hours, not a working day). */
  public boolean saturdayCounter() { return saturdayCounter; }
  public double lateMultiplier() { return lateMultiplier; }
  public double supplementRate() { return supplementRate; }
  public double afterHoursRate() { return afterHoursRate; }
  public double errorPropensity() { return errorPropensity; }
  /** Share of dossiers whose RECEIVED row carries the appointment date. */
  public double appointmentRate() { return appointmentRate; }
  /** Whether this unit's software writes step deadlines on ASSIGNED rows. */
  public boolean logsStepDeadlines() { return logsStepDeadlines; }
  /** Expected share of the channel among a working day's dossiers. */
  public double channelShare(Channel c) { return channelShare[c.ordinal()]; }
  public List<Officer> officers() { return officers; }

  Procedure pickProcedure(SplittableRandom r, Channel c) { return procedures[Rng.pick(r, procCumByChannel[c.ordinal()])]; }
  Officer pickCounter(SplittableRandom r) { return counters[Rng.pick(r, counterCum)]; }
  Officer pickLeader(SplittableRandom r) { return leaders[Rng.pick(r, leaderCum)]; }
  Officer pickSpecialist(SplittableRandom r, String field) {
    String f = field == null ? "" : field;
    Officer[] arr = specialistsByField.get(f);
    if (arr == null) { // unknown field: any specialist
      List<Officer> any = new ArrayList<>();
      for (Officer[] a : specialistsByField.values()) Collections.addAll(any, a);
      return any.get(r.nextInt(any.size()));
    }
    return arr[Rng.pick(r, specialistCumByField.get(f))];
  }
}
