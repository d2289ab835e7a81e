package vn.hcmc.kpi.dashboard.cli;

import java.util.Optional;

import vn.hcmc.kpi.dashboard.warehouse.Warehouse.Snapshot;

/**
 * Accepts only one read-only query: DuckDB's own parser ({@code json_serialize_sql}) must see exactly
 * one statement, and it serializes nothing but SELECT statements (SELECT, WITH … SELECT, FROM …, set
 * operations). Everything else (COPY, ATTACH, INSTALL, LOAD, SET, PRAGMA, CREATE, INSERT, EXPORT …) is
 * refused. The database is also locked down (see PublishedVersion.open), so this is a first gate,
 * not the only one.
 */
final class QueryGuard {

  private QueryGuard() {
  }

  /** Why {@code sql} is refused, or empty if it is a single SELECT. */
  static Optional<String> refusal(Snapshot warehouse, String sql) {
    return warehouse.extract("""
        SELECT (j->>'error')::BOOLEAN, j->>'error_type', j->>'error_message', json_array_length(j->'statements')
        FROM (SELECT json_serialize_sql(?::VARCHAR) AS j)""", result -> {
      result.next();
      boolean error = result.getBoolean(1);
      String errorType = result.getString(2);
      String errorMessage = result.getString(3);
      long statements = result.getLong(4);
      if (error && "not implemented".equals(errorType)) {
        return Optional.of("only a single read-only query (SELECT, or WITH … SELECT) is allowed;"
            + " statements such as COPY, ATTACH, INSTALL, LOAD, SET, PRAGMA, CREATE, INSERT are refused");
      }
      if (error) {
        return Optional.of("the query cannot be parsed: " + errorMessage);
      }
      if (statements == 0) {
        return Optional.of("no query given");
      }
      if (statements > 1) {
        return Optional.of("only one statement is allowed, got " + statements);
      }
      return Optional.<String>empty();
    }, sql);
  }
}
