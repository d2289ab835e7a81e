package vn.hcmc.kpi.etl.job;

import java.io.Serializable;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import vn.hcmc.kpi.etl.dossier.Weeks;

/**
 * The rows of officer_weekly, ward_weekly and procedure_weekly for a few (unit, week) groups, computed in plain
 * Java from the dossiers' contributions: what {@link WeeklyTables} computes in Spark SQL, for the groups a daily
 * run must aggregate again. Why a second writing of the formulas: in a daily run the Spark aggregations of ~200
 * groups (planning, code generation, compiling the generated classes, a dozen small stages) cost about 15 of its
 * ~65 CPU-s (docs/incremental.md); here they are one pass over the fold output, whose partial sums the driver
 * adds up. {@code WeeklyFiguresTest} checks every row against {@link WeeklyTables}, to the last bit of each double.
 * Full runs use it too, for every group (session 10: the Spark aggregations of the three tables, ten stages that
 * each decoded their section of the fold output again, cost about 53 of the year's ~370 CPU-s).
 */
final class WeeklyFigures {

  /*
   * The group keys hash their parts with a multiplicative mix, not a record's 31·h + next: with that, officer ids
   * a character apart and dates a month apart fell into the same buckets, which HashMap then kept as trees
   * (about 3 % of a year's figures-only CPU in look-ups, issue 10, session 15). Equality is the record's.
   */
  record UnitWeek(String ward, LocalDate week) implements Serializable {
    @Override public int hashCode() { return mix(mix(Objects.hashCode(ward), 0), week.hashCode()); }
  }

  record OfficerWeek(String ward, String officer, LocalDate week) implements Serializable {
    @Override public int hashCode() {
      return mix(mix(mix(Objects.hashCode(ward), 0), Objects.hashCode(officer)), week.hashCode());
    }
  }

  record ProcedureWeek(String ward, String procedure, LocalDate week) implements Serializable {
    @Override public int hashCode() {
      return mix(mix(mix(Objects.hashCode(ward), 0), Objects.hashCode(procedure)), week.hashCode());
    }
  }

  /** One step of a multiplicative hash (the golden-ratio constant), spreading each part over all 32 bits. */
  static int mix(int h, int next) {
    int x = (h ^ next) * 0x9E3779B9;
    return x ^ (x >>> 16);
  }

  private static final String[] OFFICER_SUMS = {"tasks_started", "tasks_completed", "open_tasks_end",
      "overdue_held_end", "late_attributed", "supplements_requested", "events", "after_hours_events"};
  /** WeeklyTables.outcomeSums, in its order. */
  private static final String[] OUTCOME_SUMS = {"received", "received_online", "received_counter", "received_post",
      "received_with_integration_error", "resolved", "early", "on_time", "late", "withdrawn", "rejected",
      "no_deadline", "open_end", "open_overdue_end", "resolved_with_supplement", "integration_errors", "apologies",
      "officer_events", "after_hours_events"};

  private static final int[] OFFICER_COLUMNS = indexes(Rows.OFFICER_FACT, OFFICER_SUMS);
  private static final int[] OUTCOME_COLUMNS = indexes(Rows.WEEK_FACT, OUTCOME_SUMS);
  private static final int TASK_HOURS = Rows.OFFICER_FACT.fieldIndex("completed_task_hours");
  private static final int RESOLUTION_DAYS = Rows.WEEK_FACT.fieldIndex("resolution_days");

  private static int[] indexes(StructType schema, String[] names) {
    int[] out = new int[names.length];
    for (int i = 0; i < names.length; i++) out[i] = schema.fieldIndex(names[i]);
    return out;
  }

  /** Sums of int columns as Spark's {@code sum(c).cast("long")} gives them: null where no row had a value. */
  static final class Sums implements Serializable {
    final long[] sum;
    final boolean[] seen;

    Sums(int columns) {
      sum = new long[columns];
      seen = new boolean[columns];
    }

    void add(Row r, int[] columns) {
      for (int i = 0; i < columns.length; i++) {
        Object v = r.get(columns[i]);
        if (v != null) {
          sum[i] += ((Number) v).longValue();
          seen[i] = true;
        }
      }
    }

    /** A row's figures, none null (the figures of WeekFact and OfficerFact are ints). */
    void add(int[] figures) {
      for (int i = 0; i < figures.length; i++) sum[i] += figures[i];
      Arrays.fill(seen, true);
    }

    Sums plus(Sums o) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += o.sum[i];
        seen[i] |= o.seen[i];
      }
      return this;
    }

    Long get(int i) { return seen[i] ? sum[i] : null; }
  }

  /** The non-null values of a column, as collect_list keeps them (their order does not matter: they are sorted). */
  static final class Values implements Serializable {
    double[] values = new double[4];
    int count;

    void add(Object v) {
      if (v == null) return;
      if (count == values.length) values = Arrays.copyOf(values, count * 2);
      values[count++] = ((Number) v).doubleValue();
    }

    Values plus(Values o) {
      if (count + o.count > values.length) values = Arrays.copyOf(values, count + o.count);
      System.arraycopy(o.values, 0, values, count, o.count);
      count += o.count;
      return this;
    }

    double[] sorted() {
      double[] out = Arrays.copyOf(values, count);
      Arrays.sort(out);
      return out;
    }
  }

  static final class Group implements Serializable {
    final Sums sums;
    final Values values = new Values();

    Group(int columns) { sums = new Sums(columns); }

    Group plus(Group o) {
      sums.plus(o.sums);
      values.plus(o.values);
      return this;
    }
  }

  /** The contributions to some groups, summed so far: a partition's, or all of them. */
  static final class Partial implements Serializable, WeeklyCodec.Sink {
    final Map<OfficerWeek, Group> officers = new HashMap<>();
    final Map<UnitWeek, Sums> units = new HashMap<>();
    final Map<ProcedureWeek, Group> procedures = new HashMap<>();

    /** Adds a dossier's WEEKS and OFFICERS rows that fall into one of the groups (null: every group). */
    void add(byte[] fold, Set<UnitWeek> groups) {
      for (Iterator<Row> it = FoldCodec.rows(fold, FoldCodec.Section.WEEKS); it.hasNext(); ) {
        Row r = it.next(); // ward_code, procedure_code, week_start, ...
        UnitWeek unit = new UnitWeek(r.getString(0), localDate(r.get(2)));
        if (groups != null && !groups.contains(unit)) continue;
        units.computeIfAbsent(unit, k -> new Sums(OUTCOME_COLUMNS.length)).add(r, OUTCOME_COLUMNS);
        Group p = procedures.computeIfAbsent(new ProcedureWeek(unit.ward(), r.getString(1), unit.week()),
            k -> new Group(OUTCOME_COLUMNS.length));
        p.sums.add(r, OUTCOME_COLUMNS);
        p.values.add(r.get(RESOLUTION_DAYS));
      }
      for (Iterator<Row> it = FoldCodec.rows(fold, FoldCodec.Section.OFFICERS); it.hasNext(); ) {
        Row r = it.next(); // ward_code, officer_id, week_start, ...
        LocalDate week = localDate(r.get(2));
        if (groups != null && !groups.contains(new UnitWeek(r.getString(0), week))) continue;
        Group o = officers.computeIfAbsent(new OfficerWeek(r.getString(0), r.getString(1), week),
            k -> new Group(OFFICER_COLUMNS.length));
        o.sums.add(r, OFFICER_COLUMNS);
        o.values.add(r.get(TASK_HOURS));
      }
    }

    /** A WEEKS row of a figures-only run ({@link WeeklyCodec}): what {@link #add} sums of a Row. */
    @Override public void week(String ward, String procedure, long epochDay, int[] outcomes, Integer resolutionDays) {
      LocalDate week = Weeks.ofEpochDay(epochDay);
      units.computeIfAbsent(new UnitWeek(ward, week), k -> new Sums(OUTCOME_COLUMNS.length)).add(outcomes);
      Group p = procedures.computeIfAbsent(new ProcedureWeek(ward, procedure, week),
          k -> new Group(OUTCOME_COLUMNS.length));
      p.sums.add(outcomes);
      p.values.add(resolutionDays);
    }

    /** An OFFICERS row of a figures-only run ({@link WeeklyCodec}). */
    @Override public void officer(String ward, String officer, long epochDay, int[] figures, Double taskHours) {
      Group o = officers.computeIfAbsent(new OfficerWeek(ward, officer, Weeks.ofEpochDay(epochDay)),
          k -> new Group(OFFICER_COLUMNS.length));
      o.sums.add(figures);
      o.values.add(taskHours);
    }

    Partial plus(Partial o) {
      o.officers.forEach((k, g) -> officers.merge(k, g, Group::plus));
      o.units.forEach((k, s) -> units.merge(k, s, Sums::plus));
      o.procedures.forEach((k, g) -> procedures.merge(k, g, Group::plus));
      return this;
    }
  }

  /**
   * One pass over the fold output: each partition sums its contributions to the groups (null: every group), the
   * driver adds them up as the partitions' sums arrive (a fold, not a collect: one partition's sums held at a time).
   */
  static Partial of(JavaRDD<byte[]> folds, Set<UnitWeek> groups) {
    return folds.mapPartitions(it -> {
      Partial part = new Partial();
      it.forEachRemaining(b -> part.add(b, groups));
      return List.of(part).iterator();
    }).fold(new Partial(), Partial::plus);
  }

  /** {@link #of} over a figures-only run's fold output, each dossier's bytes in {@link WeeklyCodec}'s layout. */
  static Partial ofWeekly(JavaRDD<byte[]> weekly) {
    return weekly.mapPartitions(it -> {
      Partial part = new Partial();
      it.forEachRemaining(b -> WeeklyCodec.decode(b, part));
      return List.of(part).iterator();
    }).fold(new Partial(), Partial::plus);
  }

  /** The three tables as Datasets in the Spark definitions' columns ({@link WeeklyTables}), as the runs write them. */
  record Tables(Dataset<Row> officerWeekly, Dataset<Row> wardWeekly, Dataset<Row> procedureWeekly) {}

  static Tables tables(SparkSession spark, Partial figures, Instant asOf) {
    Dataset<Row> officerWeekly = spark.createDataFrame(officerWeekly(figures),
        WeeklyTables.officerWeekly(empty(spark, Rows.OFFICER_FACT)).schema());
    Dataset<Row> wardWeekly = spark.createDataFrame(wardWeekly(figures, asOf),
        WeeklyTables.wardWeekly(empty(spark, Rows.WEEK_FACT), empty(spark, officerWeekly.schema()), asOf).schema());
    Dataset<Row> procedureWeekly = spark.createDataFrame(procedureWeekly(figures, asOf),
        WeeklyTables.procedureWeekly(empty(spark, Rows.WEEK_FACT), asOf).schema());
    return new Tables(officerWeekly, wardWeekly, procedureWeekly);
  }

  private static Dataset<Row> empty(SparkSession spark, StructType schema) {
    return spark.createDataFrame(List.of(), schema);
  }

  /** a / b as WeeklyTables.ratio: null when b is null or 0, or a is null. */
  static Double ratio(Number a, Number b) {
    if (a == null || b == null || b.doubleValue() == 0) return null;
    return a.doubleValue() / b.doubleValue();
  }

  private static Long plus(Long a, Long b) { return a == null || b == null ? null : a + b; }

  private static Long minus(Long a, Long b) { return a == null || b == null ? null : a - b; }

  /**
   * Spark's exact percentile of sorted values, as {@link WeeklyTables#percentileOfSorted} and Spark's
   * {@code percentile} compute it: linear interpolation between the values at floor and ceil of (n − 1) · p.
   */
  static Double percentile(double[] sorted, double p) {
    if (sorted.length == 0) return null;
    double position = (double) (sorted.length - 1) * p;
    long lower = (long) Math.floor(position);
    long higher = (long) Math.ceil(position);
    double lowerValue = sorted[(int) lower];
    double higherValue = sorted[(int) higher];
    if (lower == higher || lowerValue == higherValue) return lowerValue;
    return ((double) higher - position) * lowerValue + (position - (double) lower) * higherValue;
  }

  /** officer_weekly's rows, in its column order (WeeklyTables.officerWeekly). */
  static List<Row> officerWeekly(Partial p) {
    Map<UnitWeek, Values> completedByUnit = new HashMap<>();
    p.officers.forEach((k, g) -> completedByUnit.computeIfAbsent(new UnitWeek(k.ward(), k.week()), u -> new Values())
        .add(g.sums.get(1)));
    Map<UnitWeek, Double> unitMedian = new HashMap<>();
    completedByUnit.forEach((k, v) -> unitMedian.put(k, percentile(v.sorted(), 0.5)));
    List<Row> out = new ArrayList<>();
    p.officers.forEach((k, g) -> {
      Sums s = g.sums;
      double[] hours = g.values.sorted();
      Double median = unitMedian.get(new UnitWeek(k.ward(), k.week()));
      // tasks_started, tasks_completed, open_tasks_end, overdue_held_end, late_attributed, supplements_requested,
      // events, after_hours_events
      out.add(RowFactory.create(k.ward(), k.officer(), k.week(), s.get(0), s.get(1),
          percentile(hours, 0.5), percentile(hours, 0.9), s.get(2), s.get(3), s.get(4), s.get(5),
          ratio(s.get(7), s.get(6)), ratio(s.get(1), median), s.get(6), s.get(7), median));
    });
    return out;
  }

  /** ward_weekly's rows (WeeklyTables.wardWeekly); active officers from the groups' officer_weekly rows. */
  static List<Row> wardWeekly(Partial p, Instant asOf) {
    Map<UnitWeek, Long> active = new HashMap<>();
    p.officers.keySet().forEach(k -> active.merge(new UnitWeek(k.ward(), k.week()), 1L, Long::sum));
    List<Row> out = new ArrayList<>();
    p.units.forEach((k, s) -> {
      Long early = s.get(6), onTime = s.get(7), late = s.get(8), resolved = s.get(5), openEnd = s.get(12),
          openOverdue = s.get(13), received = s.get(0);
      Long judged = plus(resolved, openEnd);
      Long activeOfficers = active.getOrDefault(k, 0L);
      Double progress = ratio(minus(plus(plus(early, onTime), openEnd), openOverdue), judged);
      out.add(RowFactory.create(k.ward(), k.week(), partial(k.week(), asOf), received, s.get(1),
          s.get(2), s.get(3), resolved, early, onTime, late, ratio(plus(early, onTime), resolved), openEnd,
          openOverdue, ratio(plus(late, openOverdue), judged), progress == null ? null : progress * 20,
          activeOfficers, ratio(resolved, activeOfficers), s.get(15), ratio(s.get(4), received),
          ratio(s.get(18), s.get(17)), s.get(16), s.get(9), s.get(10), s.get(11), s.get(4), s.get(17), s.get(18)));
    });
    return out;
  }

  /** procedure_weekly's rows (WeeklyTables.procedureWeekly). */
  static List<Row> procedureWeekly(Partial p, Instant asOf) {
    List<Row> out = new ArrayList<>();
    p.procedures.forEach((k, g) -> {
      Sums s = g.sums;
      double[] days = g.values.sorted();
      Long resolved = s.get(5), received = s.get(0);
      out.add(RowFactory.create(k.ward(), k.procedure(), k.week(), partial(k.week(), asOf), received,
          resolved, s.get(6), s.get(7), s.get(8), ratio(plus(s.get(6), s.get(7)), resolved), s.get(12), s.get(13),
          percentile(days, 0.5), percentile(days, 0.9), ratio(s.get(14), resolved), ratio(s.get(1), received),
          s.get(9), s.get(10), s.get(11)));
    });
    return out;
  }

  /** WeeklyTables.partial: the week under way at the as-of time. */
  static boolean partial(LocalDate week, Instant asOf) {
    LocalDate current = Weeks.weekStart(asOf);
    return week.equals(current) && asOf.isBefore(Weeks.weekEnd(current));
  }

  /** Dates come as LocalDate with spark.sql.datetime.java8API.enabled (the job's setting), else as java.sql.Date. */
  static LocalDate localDate(Object o) {
    return o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
  }
}
