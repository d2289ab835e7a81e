package vn.hcmc.kpi.etl.job;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;

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

    /**
     * @param bytesBySegment the size of each segment's fold output, sorted by segment
     * @param partitions about how many partitions in all (a segment gets a share by its size, at least one)
     */
    Plan(Map<String, Long> bytesBySegment, int partitions) {
      long total = Math.max(1, bytesBySegment.values().stream().mapToLong(Long::longValue).sum());
      int next = 0;
      String[] of = new String[0];
      for (Map.Entry<String, Long> e : bytesBySegment.entrySet()) {
        int k = (int) Math.max(1, Math.round((double) e.getValue() * partitions / total));
        range.put(e.getKey(), new int[] {next, k});
        of = Arrays.copyOf(of, next + k);
        Arrays.fill(of, next, next + k, e.getKey());
        next += k;
      }
      this.segmentOf = of;
    }

    int partitions() { return Math.max(1, segmentOf.length); }

    String segment(int partition) { return partition < segmentOf.length ? segmentOf[partition] : OPEN; }

    int partition(String segment, byte[] fold) {
      int[] r = range.get(segment);
      return r[0] + Math.floorMod(Arrays.hashCode(fold), r[1]);
    }

    List<String> segments() { return List.copyOf(range.keySet()); }
  }

  /** Routes each record to the partition its key names. */
  static final class ByKey extends org.apache.spark.Partitioner {
    private final int partitions;

    ByKey(int partitions) { this.partitions = partitions; }

    @Override public int numPartitions() { return partitions; }

    @Override public int getPartition(Object key) { return (Integer) key; }
  }
}
