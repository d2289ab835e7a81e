package vn.hcmc.kpi.etl.dossier;

/** How a dossier stands against its due date. */
public enum Verdict {
  EARLY, ON_TIME, LATE, WITHDRAWN, OPEN_IN_TIME, OPEN_OVERDUE,
  /** No due date can be found (unknown procedure and no appointment date): not judged, not in rates. */
  NO_DEADLINE
}
