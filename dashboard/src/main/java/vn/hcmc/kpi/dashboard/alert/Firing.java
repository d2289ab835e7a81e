package vn.hcmc.kpi.dashboard.alert;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An alert rule that held for a unit and week, as stored and shown. One per rule, unit and week: the
 * first version in which it held is the one recorded.
 *
 * @param kpi {@code Kpi.key()}
 * @param value the KPI that week
 * @param previous the KPI the week before (worse-than-previous-week only, else null)
 * @param threshold the target, the {@code value} of above/below, or {@code by}
 */
public record Firing(String ruleId, String kpi, String condition, String unitCode, String unitName,
    LocalDate weekStart, Double value, Double previous, Double threshold, OffsetDateTime firedAt,
    String warehouseVersion) {

  String key() {
    return ruleId + "|" + unitCode + "|" + weekStart;
  }
}
