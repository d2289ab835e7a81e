package vn.hcmc.kpi.etl.job;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.Instant;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import vn.hcmc.kpi.etl.dossier.Weeks;

/**
 * The weekly tables of SPEC 5 as small transforms: each table's measures in one aggregation over the
 * per-dossier contributions the clock emitted. These are the definitions and the tables' columns; the runs
 * compute the rows in one pass in plain Java ({@link WeeklyFigures}), which {@code WeeklyFiguresTest} holds to
 * these, row for row and to the last bit of each double (session 10: the full run's ten Spark stages for them cost
 * about 53 of the year's ~370 CPU-s; the Java pass 15).
 */
public final class WeeklyTables {
  private WeeklyTables() {}

  /** a / b as a double, null when b is 0. */
  static Column ratio(Column a, Column b) {
    return when(b.notEqual(0), a.cast("double").divide(b.cast("double")));
  }

  private static Column total(String c) { return sum(col(c)).cast("long").as(c); }

  /** week_start of the week under way at the as-of time marks that week partial. */
  static Column partial(Instant asOf) {
    LocalDate current = Weeks.weekStart(asOf);
    boolean complete = !asOf.isBefore(Weeks.weekEnd(current));
    return col("week_start").equalTo(lit(java.sql.Date.valueOf(current))).and(lit(!complete));
  }

  /**
   * Spark's exact {@code percentile(x, p)} of the values in a sorted array (nulls already left out):
   * linear interpolation between the values at floor and ceil of (n − 1) · p, written as Spark writes it
   * so the doubles agree to the last bit. Why not percentile itself: its per-group hash-map buffers were
   * a fifth of the job's CPU on four weeks of the city; one sorted list per group serves both quantiles.
   */
  static Column percentileOfSorted(Column sorted, double p) {
    Column position = size(sorted).minus(1).cast("double").multiply(lit(p));
    Column lower = floor(position);
    Column higher = ceil(position);
    Column lowerValue = element_at(sorted, lower.plus(1).cast("int")).cast("double");
    Column higherValue = element_at(sorted, higher.plus(1).cast("int")).cast("double");
    return when(size(sorted).equalTo(0), lit(null).cast("double"))
        .when(lower.equalTo(higher), lowerValue)
        .when(lowerValue.equalTo(higherValue), lowerValue)
        .otherwise(higher.cast("double").minus(position).multiply(lowerValue)
            .plus(position.minus(lower.cast("double")).multiply(higherValue)));
  }

  /** officer_weekly from the officer contributions (one row per officer-week). */
  public static Dataset<Row> officerWeekly(Dataset<Row> officerFacts) {
    Dataset<Row> agg = officerFacts.groupBy("ward_code", "officer_id", "week_start").agg(
        total("tasks_started"), total("tasks_completed"),
        array_sort(collect_list(col("completed_task_hours"))).as("task_hours_sorted"),
        total("open_tasks_end"), total("overdue_held_end"), total("late_attributed"),
        total("supplements_requested"), total("events"), total("after_hours_events"));
    WindowSpec unitWeek = Window.partitionBy("ward_code", "week_start");
    return agg
        .withColumn("task_hours_median", percentileOfSorted(col("task_hours_sorted"), 0.5))
        .withColumn("task_hours_p90", percentileOfSorted(col("task_hours_sorted"), 0.9))
        .withColumn("after_hours_share", ratio(col("after_hours_events"), col("events")))
        .withColumn("unit_median_tasks_completed", expr("percentile(tasks_completed, 0.5)").over(unitWeek))
        .withColumn("workload_index", ratio(col("tasks_completed"), col("unit_median_tasks_completed")))
        .select("ward_code", "officer_id", "week_start", "tasks_started", "tasks_completed", "task_hours_median",
            "task_hours_p90", "open_tasks_end", "overdue_held_end", "late_attributed", "supplements_requested",
            "after_hours_share", "workload_index", "events", "after_hours_events", "unit_median_tasks_completed");
  }

  private static Column[] outcomeSums() {
    return new Column[] {total("received"), total("received_online"), total("received_counter"),
        total("received_post"), total("received_with_integration_error"), total("resolved"), total("early"),
        total("on_time"), total("late"), total("withdrawn"), total("rejected"), total("no_deadline"),
        total("open_end"), total("open_overdue_end"), total("resolved_with_supplement"),
        total("integration_errors"), total("apologies"), total("officer_events"), total("after_hours_events")};
  }

  private static Column onTimeRate() { return ratio(col("early").plus(col("on_time")), col("resolved")); }

  /** ward_weekly: unit totals of the dossier contributions, with active officers from officer_weekly. */
  public static Dataset<Row> wardWeekly(Dataset<Row> weekFacts, Dataset<Row> officerWeekly, Instant asOf) {
    Column[] sums = outcomeSums();
    Dataset<Row> agg = weekFacts.groupBy("ward_code", "week_start").agg(sums[0],
        java.util.Arrays.copyOfRange(sums, 1, sums.length));
    Dataset<Row> officers = officerWeekly.groupBy("ward_code", "week_start")
        .agg(count(lit(1)).as("active_officers"));
    Column judged = col("resolved").plus(col("open_end"));
    return agg.join(officers, new String[] {"ward_code", "week_start"}, "left")
        .na().fill(0L, new String[] {"active_officers"})
        .withColumn("partial", partial(asOf))
        .withColumn("on_time_rate", onTimeRate())
        .withColumn("overdue_rate", ratio(col("late").plus(col("open_overdue_end")), judged))
        .withColumn("progress_766", ratio(col("early").plus(col("on_time")).plus(col("open_end"))
            .minus(col("open_overdue_end")), judged).multiply(20))
        .withColumn("resolved_per_officer", ratio(col("resolved"), col("active_officers")))
        .withColumn("integration_error_rate", ratio(col("received_with_integration_error"), col("received")))
        .withColumn("after_hours_share", ratio(col("after_hours_events"), col("officer_events")))
        .select("ward_code", "week_start", "partial", "received", "received_online", "received_counter",
            "received_post", "resolved", "early", "on_time", "late", "on_time_rate", "open_end",
            "open_overdue_end", "overdue_rate", "progress_766", "active_officers", "resolved_per_officer",
            "integration_errors", "integration_error_rate", "after_hours_share", "apologies", "withdrawn",
            "rejected", "no_deadline", "received_with_integration_error", "officer_events", "after_hours_events");
  }

  /** procedure_weekly: the same contributions by unit and procedure. */
  public static Dataset<Row> procedureWeekly(Dataset<Row> weekFacts, Instant asOf) {
    Column[] sums = outcomeSums();
    Column[] rest = new Column[sums.length];
    System.arraycopy(sums, 1, rest, 0, sums.length - 1);
    rest[sums.length - 1] = array_sort(collect_list(col("resolution_days"))).as("resolution_days_sorted");
    return weekFacts.groupBy("ward_code", "procedure_code", "week_start").agg(sums[0], rest)
        .withColumn("resolution_days_median", percentileOfSorted(col("resolution_days_sorted"), 0.5))
        .withColumn("resolution_days_p90", percentileOfSorted(col("resolution_days_sorted"), 0.9))
        .withColumn("partial", partial(asOf))
        .withColumn("on_time_rate", onTimeRate())
        .withColumn("supplement_rate", ratio(col("resolved_with_supplement"), col("resolved")))
        .withColumn("online_share", ratio(col("received_online"), col("received")))
        .select("ward_code", "procedure_code", "week_start", "partial", "received", "resolved", "early", "on_time",
            "late", "on_time_rate", "open_end", "open_overdue_end", "resolution_days_median", "resolution_days_p90",
            "supplement_rate", "online_share", "withdrawn", "rejected", "no_deadline");
  }
}
