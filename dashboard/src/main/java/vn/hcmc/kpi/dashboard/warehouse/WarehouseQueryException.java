package vn.hcmc.kpi.dashboard.warehouse;

import java.sql.SQLException;

/** A query over the warehouse failed (bad SQL, missing table, DuckDB error). */
public class WarehouseQueryException extends RuntimeException {

  WarehouseQueryException(String sql, SQLException cause) {
    super(cause.getMessage() + " [SQL: " + sql + "]", cause);
  }
}
