package vn.hcmc.kpi.etl.generate;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import vn.hcmc.kpi.etl.model.Channel;
import vn.hcmc.kpi.etl.model.EventType;

/**
 * Counts of what was written (after the snapshot cut at the end of {@code to}).
 *
 * @param dossiers dossiers received in the range (= RECEIVED rows)
 * @param events all rows
 * @param files the week files written, in week order (empty when writing to a custom sink)
 * @param officers officers of the generated units
 * @param workingDays working days in the range (default calendar)
 */
public record GenerationResult(long dossiers, long events, Map<EventType, Long> eventsByType,
                               Map<Channel, Long> dossiersByChannel, Map<String, Long> dossiersByUnit,
                               Map<String, Long> eventsByUnit, List<Path> files, int officers, int workingDays,
                               long elapsedMillis) {

  /** e.g. "generated 104,512 dossiers, 689,003 events in 2 files (168 units, 2026-01-05..2026-01-11) in 3.1 s" */
  public String summary(GeneratorOptions o) {
    return String.format(java.util.Locale.ROOT,
        "generated %,d dossiers, %,d events in %d files (%d units, %s..%s, %d officers) in %.1f s",
        dossiers, events, files.size(), o.unitCodes().size(), o.from(), o.to(), officers, elapsedMillis / 1000.0);
  }
}
