package vn.hcmc.kpi.etl.ingest;

import java.io.Serializable;

/**
 * An event or reject produced by a mapped reader (XES, request-level CSV), with the number of
 * source records it accounts for in "rows read". One source record may give several native events
 * (a request gives RECEIVED and COMPLETED; a trace attribute gives a RECEIVED) or none of its own
 * (an XES event that only closes a task): its count then rides on another row of the same case,
 * so that summing {@code sourceRows} over a file gives exactly the records the file holds.
 * Native CSV/JSONL rows are not wrapped and count 1 each.
 */
public record Counted(Object item, int sourceRows) implements Serializable {
  public Counted {
    if (!(item instanceof vn.hcmc.kpi.etl.model.LogEvent) && !(item instanceof Reject)) {
      throw new IllegalArgumentException("a LogEvent or a Reject, got " + item);
    }
  }
}
