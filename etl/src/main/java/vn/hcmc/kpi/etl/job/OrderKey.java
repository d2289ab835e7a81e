package vn.hcmc.kpi.etl.job;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * A leading sort key for the per-dossier tables whose files are sorted by (ward_code, a time, ...): one long that
 * orders as (ward_code, the time in whole seconds) do. Spark's sort compares 8-byte prefixes of its first key and
 * falls back to comparing whole rows on a tie; sorted by ward_code first, every row of a ward tied, so nearly every
 * comparison was a row comparison. With this key only rows of the same ward and second tie, and the table's own
 * columns still decide those: the files come out in the same order as before (session 10).
 *
 * <p>The ward's rank is its place among the ward codes the written dossiers' events hold ({@link SegmentTally}),
 * in Spark's string order (UTF-8 bytes); a null ward ranks first and a null time counts as the earliest, as
 * Spark's ascending sort puts nulls first. A ward outside the list (none: a dossier's tasks and facts take their
 * ward from its events) would sort after all others in its file, a layout detail that no figure depends on.
 */
final class OrderKey implements Serializable {
  static final String COLUMN = "_order";

  private static final int SECOND_BITS = 35;
  /** Seconds since the epoch are shifted by this, so that about 544 years either side of 1970 order exactly. */
  private static final long SECOND_OFFSET = 1L << (SECOND_BITS - 1);
  private static final long MAX_SECOND = (1L << SECOND_BITS) - 1;
  private static final int MAX_WARDS = (1 << (63 - SECOND_BITS)) - 2;

  private final String[] wards;
  private transient Map<UTF8String, Long> rank;

  private OrderKey(String[] wards) { this.wards = wards; }

  /** The key over these ward codes, or null when there are too many to rank in the key's bits. */
  static OrderKey of(Collection<String> wardCodes) {
    TreeSet<UTF8String> sorted = new TreeSet<>();
    for (String w : wardCodes) if (w != null) sorted.add(UTF8String.fromString(w));
    if (sorted.size() > MAX_WARDS) return null;
    return new OrderKey(sorted.stream().map(UTF8String::toString).toArray(String[]::new));
  }

  /** The key of a row whose ward code and time (microseconds) are at these columns. */
  long of(InternalRow row, int wardColumn, int timeColumn) {
    long ward = row.isNullAt(wardColumn) ? 0 : rankOf(row.getUTF8String(wardColumn));
    long second = row.isNullAt(timeColumn) ? 0
        : Math.max(0, Math.min(MAX_SECOND, Math.floorDiv(row.getLong(timeColumn), 1_000_000L) + SECOND_OFFSET));
    return ward << SECOND_BITS | second;
  }

  private long rankOf(UTF8String ward) {
    if (rank == null) {
      Map<UTF8String, Long> r = new HashMap<>();
      for (int i = 0; i < wards.length; i++) r.put(UTF8String.fromString(wards[i]), (long) i + 1);
      rank = r;
    }
    Long r = rank.get(ward);
    return r != null ? r : wards.length + 1L;
  }
}
