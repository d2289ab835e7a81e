package vn.hcmc.kpi.etl.clock;

import java.io.Serializable;

/**
 * Settings of the statutory clock.
 *
 * @param multipleSupplementsLate Decision 766: more than one supplement request makes a dossier late
 *     (on by default; some units do not apply it)
 */
public record ClockSettings(boolean multipleSupplementsLate) implements Serializable {
  public static final ClockSettings DEFAULTS = new ClockSettings(true);
}
