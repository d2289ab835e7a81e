package vn.hcmc.kpi.etl.clock;

import java.io.Serializable;
import java.time.LocalTime;

/** One opening of the office on a working day, e.g. 07:30–11:30. */
public record OfficeSession(LocalTime opens, LocalTime closes) implements Serializable {
  public OfficeSession {
    if (!opens.isBefore(closes)) {
      throw new IllegalArgumentException("office session must open before it closes: " + opens + "–" + closes);
    }
  }
  public long seconds() { return closes.toSecondOfDay() - opens.toSecondOfDay(); }
}
