package vn.hcmc.kpi.etl.job;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.util.AccumulatorV2;
import scala.Tuple2;

/**
 * A segment's dossiers as the fold output holds them: how many, their duplicates, those with facts, their fold
 * bytes, their id hashes (for the {@link DossierIndex}) and the ids of those with duplicates.
 */
final class SegmentTally implements Serializable {
  int count;
  long duplicates, facts, bytes;
  long[] idHashes = new long[64];
  final List<String> dupIds = new ArrayList<>();
  /** The ward codes the dossiers' events name, for the tables' {@link OrderKey}. */
  final Set<String> wards = new HashSet<>();

  /** Counts a dossier's fold output; returns its id's hash. */
  long add(byte[] fold) {
    int d = FoldCodec.duplicates(fold);
    String id = FoldCodec.dossierId(fold);
    long idHash = DossierIndex.hash(id);
    if (count == idHashes.length) idHashes = Arrays.copyOf(idHashes, count * 2);
    idHashes[count++] = idHash;
    duplicates += d;
    facts += FoldCodec.hasFacts(fold) ? 1 : 0;
    bytes += fold.length;
    if (d > 0) dupIds.add(id);
    FoldCodec.eventWards(fold, wards);
    return idHash;
  }

  SegmentTally plus(SegmentTally o) {
    if (count + o.count > idHashes.length) idHashes = Arrays.copyOf(idHashes, count + o.count);
    System.arraycopy(o.idHashes, 0, idHashes, count, o.count);
    count += o.count;
    duplicates += o.duplicates;
    facts += o.facts;
    bytes += o.bytes;
    dupIds.addAll(o.dupIds);
    wards.addAll(o.wards);
    return this;
  }

  SegmentTally copy() { return new SegmentTally().plus(this); }

  /** The dossiers' fold output (no refused rows' entries) counted per segment at {@code asOf}. */
  static Map<String, SegmentTally> of(Iterator<byte[]> folds, Instant asOf) {
    Map<String, SegmentTally> out = new HashMap<>();
    while (folds.hasNext()) {
      byte[] b = folds.next();
      out.computeIfAbsent(Segments.of(b, asOf), s -> new SegmentTally()).add(b);
    }
    return out;
  }

  /**
   * The tallies of a pass that counts while it sends the fold output on (into the shuffle by segment), per
   * partition of that pass. Keyed by partition and merged by replacing: a partition's tally is the same
   * whichever attempt made it, so a task that runs again cannot count twice (Spark's accumulators are otherwise
   * only exactly-once inside actions), as {@link InputStats} does per file.
   */
  static final class ByPartition extends AccumulatorV2<Map<Integer, Map<String, SegmentTally>>,
      Map<Integer, Map<String, SegmentTally>>> {
    private final TreeMap<Integer, Map<String, SegmentTally>> byPartition = new TreeMap<>();

    @Override public boolean isZero() { return byPartition.isEmpty(); }

    @Override public ByPartition copy() {
      ByPartition c = new ByPartition();
      synchronized (this) { c.byPartition.putAll(byPartition); }
      return c;
    }

    @Override public synchronized void reset() { byPartition.clear(); }

    @Override public synchronized void add(Map<Integer, Map<String, SegmentTally>> v) { byPartition.putAll(v); }

    @Override public void merge(AccumulatorV2<Map<Integer, Map<String, SegmentTally>>,
        Map<Integer, Map<String, SegmentTally>>> other) {
      Map<Integer, Map<String, SegmentTally>> theirs = other.value();
      synchronized (this) { byPartition.putAll(theirs); }
    }

    @Override public synchronized Map<Integer, Map<String, SegmentTally>> value() {
      return new TreeMap<>(byPartition);
    }

    /**
     * The partition's fold output, each entry keyed by the partition of the shuffle by segment that it goes to
     * (a refused row's entry: {@code rejectPartition}), each dossier counted on the way; when the last one has
     * passed, the partition's tally is added.
     */
    Iterator<Tuple2<Integer, byte[]>> routing(int partition, Iterator<byte[]> folds, Instant asOf, Segments.Plan plan,
                                              int rejectPartition) {
      Map<String, SegmentTally> tally = new HashMap<>();
      return new Iterator<>() {
        private boolean added;

        @Override public boolean hasNext() {
          if (folds.hasNext()) return true;
          if (!added) {
            added = true;
            add(Map.of(partition, tally));
          }
          return false;
        }

        @Override public Tuple2<Integer, byte[]> next() {
          if (!hasNext()) throw new NoSuchElementException();
          byte[] b = folds.next();
          if (FoldCodec.isReject(b)) return new Tuple2<>(rejectPartition, b);
          String segment = Segments.of(b, asOf);
          long idHash = tally.computeIfAbsent(segment, s -> new SegmentTally()).add(b);
          return new Tuple2<>(plan.partition(segment, idHash), b);
        }
      };
    }
  }
}
