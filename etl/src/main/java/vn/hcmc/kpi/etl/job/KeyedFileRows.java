package vn.hcmc.kpi.etl.job;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import vn.hcmc.kpi.etl.ingest.Counted;
import vn.hcmc.kpi.etl.ingest.LogFileReader;
import vn.hcmc.kpi.etl.ingest.Reject;
import vn.hcmc.kpi.etl.ingest.UnreadableFileException;
import vn.hcmc.kpi.etl.model.LogEvent;
import vn.hcmc.kpi.etl.profile.InputMapping;

/**
 * One log file's rows as (key, {@link EventCodec} bytes) rows for the shuffle by dossier, read as the
 * shuffle asks for them (a file is never held in memory: holding each file's rows cost the ingest about
 * half its time in garbage collection on a year of the city). When the file is done, its counts go to
 * {@link InputStats}.
 */
final class KeyedFileRows implements Iterator<Row> {
  private final InputFile file;
  private final InputStats stats;
  private final InputStats.Counter counter;
  private final LogFileReader.Items items;
  private boolean done;

  KeyedFileRows(InputFile file, InputMapping mapping, long clockMillis, boolean namesWanted, InputStats stats) {
    this.file = file;
    this.stats = stats;
    this.counter = new InputStats.Counter(file.name(), namesWanted);
    LogFileReader reader = new LogFileReader(Clock.fixed(Instant.ofEpochMilli(clockMillis), ZoneOffset.UTC), mapping);
    InputStream in;
    try {
      in = LogFiles.open(file);
    } catch (IOException e) {
      throw new UnreadableFileException(file.name(), e);
    }
    this.items = reader.items(file.name(), in);
    TaskContext task = TaskContext.get();
    if (task != null) task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) ctx -> items.close()); // also when the task fails midway
  }

  @Override public boolean hasNext() {
    if (done) return false;
    if (items.hasNext()) return true;
    done = true;
    items.close();
    stats.add(counter.done());
    return false;
  }

  @Override public Row next() {
    if (!hasNext()) throw new NoSuchElementException(file.name());
    Object o = items.next();
    int weight = 1;
    if (o instanceof Counted c) {
      weight = c.sourceRows();
      o = c.item();
    }
    if (o instanceof LogEvent e) {
      counter.accepted(e, weight);
      return EventCodec.keyed(e);
    }
    Reject r = (Reject) o;
    counter.rejected(weight);
    // a reject's key only spreads rejects over the partitions; the fold passes them through
    return RowFactory.create(r.source() + ":" + r.line(), EventCodec.encode(r));
  }
}
