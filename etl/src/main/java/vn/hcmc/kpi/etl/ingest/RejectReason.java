package vn.hcmc.kpi.etl.ingest;

/** Reason codes of the rejects table. */
public enum RejectReason {
  MISSING_FIELD, WRONG_COLUMN_COUNT, BAD_TIME, FUTURE_TIME, UNKNOWN_EVENT_TYPE, UNKNOWN_CHANNEL,
  BAD_ENCODING, RECORD_TOO_LONG, UNTERMINATED_QUOTE, BAD_JSON
}
