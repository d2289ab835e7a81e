package vn.hcmc.kpi.etl.reference;

import java.io.Serializable;
import java.time.LocalTime;

/** A procedure's statutory time limit, as the procedures reference file gives it. */
public record Procedure(String code, String nameVi, String nameEn, String field, int timeValue,
                        TimeUnit timeUnit, LocalTime sameDayCutoff, ClockRule clockRule,
                        double typicalShare) implements Serializable {

  public static final LocalTime DEFAULT_CUTOFF = LocalTime.of(15, 0);

  public enum TimeUnit { SAME_DAY, HOURS, WORKING_DAYS, DAYS, MONTHS }

  /** PAUSE: supplement time is subtracted from the end; RESTART: the limit counts again from the supplement. */
  public enum ClockRule { PAUSE, RESTART }
}
