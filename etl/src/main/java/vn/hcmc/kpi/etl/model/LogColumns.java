package vn.hcmc.kpi.etl.model;

import java.util.List;

/** Column names of the native processing log (SPEC 3.1), in the order the generator writes them. */
public final class LogColumns {
  public static final String EVENT_ID = "event_id";
  public static final String DOSSIER_ID = "dossier_id";
  public static final String WARD_CODE = "ward_code";
  public static final String PROCEDURE_CODE = "procedure_code";
  public static final String EVENT_TYPE = "event_type";
  public static final String OCCURRED_AT = "occurred_at";
  public static final String OFFICER_ID = "officer_id";
  public static final String STEP = "step";
  public static final String CHANNEL = "channel";
  public static final String DUE_AT = "due_at";
  public static final String DETAIL = "detail";

  public static final List<String> ALL = List.of(EVENT_ID, DOSSIER_ID, WARD_CODE, PROCEDURE_CODE,
      EVENT_TYPE, OCCURRED_AT, OFFICER_ID, STEP, CHANNEL, DUE_AT, DETAIL);
  public static final List<String> REQUIRED = List.of(DOSSIER_ID, WARD_CODE, EVENT_TYPE, OCCURRED_AT);

  private LogColumns() {}
}
