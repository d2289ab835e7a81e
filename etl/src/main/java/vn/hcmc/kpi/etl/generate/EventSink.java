package vn.hcmc.kpi.etl.generate;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/** Receives the generated log one ISO week at a time, weeks in order, rows sorted by time. */
@FunctionalInterface
public interface EventSink {
  /**
   * @param weekName e.g. {@code 2026-W02}
   * @param weekStart the week's Monday
   * @param events the week's rows, ordered by occurred_at, then ward, dossier and sequence
   */
  void week(String weekName, LocalDate weekStart, List<LogEvent> events) throws IOException;
}
