package vn.hcmc.kpi.etl.job;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.util.AccumulatorV2;

/**
 * What the ingest saw, per input file, gathered while the files are read for the shuffle (so no
 * second pass over the rows is needed before the fold): rows read, rows rejected, the earliest and the latest
 * accepted event and, for mapped input, the units and procedures the data name.
 *
 * <p>Keyed by file and merged by replacing: a file's figures are the same whichever task attempt read
 * it, so a task that runs again (a lost executor, a retried stage) cannot count its rows twice —
 * Spark's accumulators are otherwise only exactly-once inside actions.
 */
final class InputStats extends AccumulatorV2<InputStats.FileStats, Map<String, InputStats.FileStats>> {

  /**
   * One file's figures.
   *
   * @param wards unit code → the smallest source name it appeared in (accepted rows; collected for mapped input)
   * @param procedures procedure codes of accepted rows (collected for mapped input)
   */
  record FileStats(String file, long rowsRead, long rejected, Instant earliest, Instant latest, Map<String, String> wards,
                   Set<String> procedures) implements Serializable {}

  private final TreeMap<String, FileStats> byFile = new TreeMap<>();

  @Override public boolean isZero() { return byFile.isEmpty(); }

  @Override public InputStats copy() {
    InputStats c = new InputStats();
    synchronized (this) { c.byFile.putAll(byFile); }
    return c;
  }

  @Override public synchronized void reset() { byFile.clear(); }

  @Override public synchronized void add(FileStats v) { byFile.put(v.file(), v); }

  @Override public void merge(AccumulatorV2<FileStats, Map<String, FileStats>> other) {
    Map<String, FileStats> theirs = other.value();
    synchronized (this) { byFile.putAll(theirs); }
  }

  @Override public synchronized Map<String, FileStats> value() { return new TreeMap<>(byFile); }

  /** Totals over the files. */
  record Totals(long rowsRead, long rejected, Instant earliest, Instant latest, Map<String, String> wards,
                Set<String> procedures) {}

  static Totals totals(Map<String, FileStats> files) {
    long read = 0, rejected = 0;
    Instant earliest = null, latest = null;
    Map<String, String> wards = new TreeMap<>();
    Set<String> procedures = new TreeSet<>();
    for (FileStats f : files.values()) {
      read += f.rowsRead();
      rejected += f.rejected();
      if (f.latest() != null && (latest == null || f.latest().isAfter(latest))) latest = f.latest();
      if (f.earliest() != null && (earliest == null || f.earliest().isBefore(earliest))) earliest = f.earliest();
      f.wards().forEach((ward, source) -> wards.merge(ward, source, (a, b) -> a.compareTo(b) <= 0 ? a : b));
      procedures.addAll(f.procedures());
    }
    return new Totals(read, rejected, earliest, latest, wards, procedures);
  }

  /** Counts one file's rows as they are read (one per task, not shared). */
  static final class Counter {
    private final String file;
    private final boolean namesWanted;
    private long read, rejected;
    private Instant earliest, latest;
    private final Map<String, String> wards = new TreeMap<>();
    private final Set<String> procedures = new TreeSet<>();

    Counter(String file, boolean namesWanted) {
      this.file = file;
      this.namesWanted = namesWanted;
    }

    void rejected(int weight) {
      read += weight;
      rejected += weight;
    }

    void accepted(vn.hcmc.kpi.etl.model.LogEvent e, int weight) {
      read += weight;
      if (latest == null || e.occurredAt().isAfter(latest)) latest = e.occurredAt();
      if (earliest == null || e.occurredAt().isBefore(earliest)) earliest = e.occurredAt();
      if (namesWanted) {
        wards.merge(e.wardCode(), e.source(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        if (e.procedureCode() != null) procedures.add(e.procedureCode());
      }
    }

    FileStats done() { return new FileStats(file, read, rejected, earliest, latest, wards, procedures); }
  }
}
