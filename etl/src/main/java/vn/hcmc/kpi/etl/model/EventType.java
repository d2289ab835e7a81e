package vn.hcmc.kpi.etl.model;

/** The event types of the native processing log (SPEC 3.1). */
public enum EventType {
  RECEIVED, ASSIGNED, SUPPLEMENT_REQUESTED, SUPPLEMENT_RECEIVED, APOLOGY_ISSUED,
  COMPLETED, REJECTED, WITHDRAWN, RETURNED, INTEGRATION_ERROR;

  /** COMPLETED, REJECTED and WITHDRAWN end processing; the first of them is the end. */
  public boolean endsProcessing() { return this == COMPLETED || this == REJECTED || this == WITHDRAWN; }
}
