package vn.hcmc.kpi.etl.ingest;

/** Reason codes of the rejects table. */
public enum RejectReason {
  MISSING_FIELD, WRONG_COLUMN_COUNT, BAD_TIME, FUTURE_TIME, UNKNOWN_EVENT_TYPE, UNKNOWN_CHANNEL,
  BAD_ENCODING, RECORD_TOO_LONG, UNTERMINATED_QUOTE, BAD_JSON,
  /** Mapped logs: times of one record that contradict each other (closed or due before created). */
  INCONSISTENT_TIMES
}
