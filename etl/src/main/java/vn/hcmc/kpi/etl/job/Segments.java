package vn.hcmc.kpi.etl.job;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import vn.hcmc.kpi.etl.dossier.Weeks;

/**
 * The file layout of the per-dossier tables, chosen so that a daily run rewrites few files
 * (docs/incremental.md).
 *
 * <p>Every row of a dossier (its events, facts, tasks, pauses, anomalies and private state) lies in files of
 * one <em>segment</em>; a file holds one segment's rows. The table folders stay flat (readers glob
 * {@code <table>/*.parquet}); which segment a file holds is recorded in the version's private state
 * ({@link RunState}).
 * <ul>
 * <li>{@value #OPEN}: dossiers <em>unsettled</em> at the version's as-of time: no facts, not ended, with
 *     events after the as-of, or ended but with the result not yet returned (last event not RETURNED or
 *     WITHDRAWN) less than {@link #QUIET} ago. Their rows change when only the as-of moves (overdue now,
 *     open at week end, task hours) or when the expected RETURNED arrives, so every incremental run refolds
 *     them all. (Which dossiers are open is a cost choice only: any dossier may be refolded.)</li>
 * <li>{@code wYYYYMMDD}: settled dossiers, by the Monday of the week of their last event. A settled
 *     dossier's rows change only when an event for it arrives, and it contributes to no week after its
 *     segment's (no event, receipt, end or overdue instant lies later), which bounds what an incremental
 *     run re-aggregates.</li>
 * </ul>
 */
final class Segments {
  private Segments() {}

  static final String OPEN = "open";
  private static final String WEEK_PREFIX = "w";
  private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final Pattern SPARK_PART = Pattern.compile("^part-(\\d+)-.*\\.parquet$");

  /**
   * A dossier that ended this long before the as-of time is settled even if its result was not seen going back
   * to the citizen (RETURNED); one that ended more recently stays open until it is, since the RETURNED event
   * would otherwise rewrite a settled segment the next day.
   */
  static final java.time.Duration QUIET = java.time.Duration.ofDays(30);

  /** The segment of a dossier's fold output at {@code asOf}. */
  static String of(byte[] fold, Instant asOf) {
    Iterator<Row> facts = FoldCodec.rows(fold, FoldCodec.Section.FACTS);
    Instant ended = facts.hasNext() ? (Instant) facts.next().get(7) : null; // ended_at
    if (ended == null) return OPEN;
    Object[] lastEvent = FoldCodec.lastEvent(fold);
    if (lastEvent == null) return OPEN;
    Instant last = (Instant) lastEvent[0];
    LocalDate lastWeek = (LocalDate) lastEvent[1];
    String lastType = (String) lastEvent[2];
    if (last.isAfter(asOf)) return OPEN;
    boolean finished = "RETURNED".equals(lastType) || "WITHDRAWN".equals(lastType)
        || !ended.plus(QUIET).isAfter(asOf);
    return finished ? WEEK_PREFIX + WEEK.format(lastWeek) : OPEN;
  }

  /** The Monday of a settled segment; null for the open segment. */
  static LocalDate week(String segment) {
    if (!segment.startsWith(WEEK_PREFIX)) return null;
    return LocalDate.parse(segment.substring(WEEK_PREFIX.length()), WEEK);
  }

  /** The partition number in the name Spark gives a written file (part-00003-…), or -1. */
  static int sparkPartition(String fileName) {
    Matcher m = SPARK_PART.matcher(fileName);
    return m.matches() ? Integer.parseInt(m.group(1)) : -1;
  }

  /**
   * Which partition each dossier goes to when the fold output is shuffled by segment: every partition holds
   * one segment, a big segment is spread over several partitions (by a hash of the dossier's bytes) so the
   * writes stay parallel, and every table is then written one file per partition.
   */
  static final class Plan implements Serializable {
    private final String[] segmentOf;
    private final Map<String, int[]> range = new LinkedHashMap<>();

    /** @param partitionsBySegment how many partitions each segment gets (at least one), in partition order */
    private Plan(Map<String, Integer> partitionsBySegment) {
      int next = 0;
      String[] of = new String[0];
      for (Map.Entry<String, Integer> e : partitionsBySegment.entrySet()) {
        int k = Math.max(1, e.getValue());
        range.put(e.getKey(), new int[] {next, k});
        of = Arrays.copyOf(of, next + k);
        Arrays.fill(of, next, next + k, e.getKey());
        next += k;
      }
      this.segmentOf = of;
    }

    /**
     * A plan by the segments' sizes, known from a pass over the fold output.
     *
     * @param bytesBySegment the size of each segment's fold output, sorted by segment
     * @param partitions about how many partitions in all (a segment gets a share by its size, at least one)
     */
    static Plan bySize(Map<String, Long> bytesBySegment, int partitions) {
      long total = Math.max(1, bytesBySegment.values().stream().mapToLong(Long::longValue).sum());
      Map<String, Integer> k = new LinkedHashMap<>();
      bytesBySegment.forEach((segment, bytes) ->
          k.put(segment, (int) Math.max(1, Math.round((double) bytes * partitions / total))));
      return new Plan(k);
    }

    /**
     * A plan made before the fold, so that the fold's output goes straight into the shuffle by segment: every
     * settled segment a dossier can land in, given the earliest accepted event and the as-of time. A dossier's
     * last event is no earlier than the earliest event and, for a settled one, no later than the as-of; its
     * week starts on the Monday of that event's local date, within a day of its UTC date in any time zone
     * (two days of margin here). Each week gets {@code partitions / weeks} partitions (at least one); the
     * open segment, mostly the last month's dossiers, gets five weeks' worth (at most all of them).
     *
     * @return the plan, or null when the span is too long for a partition per week (then plan by size)
     */
    static Plan forSpan(Instant earliest, Instant asOf, int partitions) {
      LocalDate first = Weeks.weekStart(earliest.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(2));
      LocalDate last = Weeks.weekStart(asOf.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(2));
      long weeks = Math.max(0, java.time.temporal.ChronoUnit.WEEKS.between(first, last) + 1);
      if (weeks > MAX_PLANNED_WEEKS) return null;
      int perWeek = (int) Math.max(1, Math.round((double) partitions / (weeks + 1)));
      Map<String, Integer> k = new LinkedHashMap<>();
      k.put(OPEN, Math.max(1, Math.min(Math.max(partitions, perWeek), OPEN_WEEKS * perWeek)));
      for (LocalDate w = first; !w.isAfter(last); w = w.plusWeeks(1)) k.put(WEEK_PREFIX + WEEK.format(w), perWeek);
      return new Plan(k);
    }

    int partitions() { return Math.max(1, segmentOf.length); }

    String segment(int partition) { return partition < segmentOf.length ? segmentOf[partition] : OPEN; }

    /**
     * The partition of a dossier of the segment, spread within the segment's partitions by its id's hash
     * ({@link DossierIndex#hash}, which the tallies compute anyway). Session 10: hashing each dossier's whole fold
     * output for this cost 3.7 CPU-s of the year's ~370.
     */
    int partition(String segment, long idHash) {
      int[] r = range.get(segment);
      if (r == null) {
        throw new IllegalStateException("segment " + segment + " is outside the planned ones " + range.keySet()
            + ": the earliest event or the as-of time given to the plan was wrong");
      }
      return r[0] + (int) Math.floorMod(idHash ^ (idHash >>> 32), (long) r[1]);
    }

    List<String> segments() { return List.copyOf(range.keySet()); }
  }

  /** How many weeks' worth of partitions the open segment gets in a plan made before the fold. */
  static final int OPEN_WEEKS = 5;

  /** A span longer than this (about 20 years) is planned by size: a partition per week would be too many. */
  static final int MAX_PLANNED_WEEKS = 1040;

  /** Routes each record to the partition its key names. */
  static final class ByKey extends org.apache.spark.Partitioner {
    private final int partitions;

    ByKey(int partitions) { this.partitions = partitions; }

    @Override public int numPartitions() { return partitions; }

    @Override public int getPartition(Object key) { return (Integer) key; }
  }
}
