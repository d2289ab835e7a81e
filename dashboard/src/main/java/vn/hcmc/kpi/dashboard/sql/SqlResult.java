package vn.hcmc.kpi.dashboard.sql;

import java.util.List;

/**
 * The outcome of one console query. {@code outcome}: OK, TRUNCATED (the row limit cut it), REFUSED
 * (the guard), TIMEOUT (cancelled at the time limit), MEMORY (the memory limit), FAILED (DuckDB
 * error). {@code message}: why, for everything but OK. Rows hold numbers and booleans as such, the
 * rest as DuckDB's text.
 */
public record SqlResult(String warehouseVersion, Outcome outcome, String message, List<Column> columns,
    List<List<Object>> rows, long millis, int rowLimit) {

  public enum Outcome { OK, TRUNCATED, REFUSED, TIMEOUT, MEMORY, FAILED;

    public boolean hasRows() {
      return this == OK || this == TRUNCATED;
    }
  }

  public record Column(String name, String type) {
  }
}
