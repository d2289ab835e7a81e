package vn.hcmc.kpi.dashboard.targets;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import vn.hcmc.kpi.dashboard.city.CityComparison.UnitRow;
import vn.hcmc.kpi.dashboard.ward.WeekFigures;

/**
 * The configured targets, looked up per unit: a unit's own target for a KPI wins over the city-wide one.
 * Templates use it as {@code @targets}.
 */
@Component("targets")
@EnableConfigurationProperties(TargetSettings.class)
public class Targets {

  private final Map<Kpi, Target> cityWide = new EnumMap<>(Kpi.class);
  private final Map<String, Map<Kpi, Target>> byUnit = new HashMap<>();

  public Targets(TargetSettings settings) {
    for (Target target : settings.targets()) {
      Map<Kpi, Target> scope = target.unit() == null ? cityWide
          : byUnit.computeIfAbsent(target.unit(), unit -> new EnumMap<>(Kpi.class));
      if (scope.put(target.kpi(), target) != null) {
        throw new IllegalStateException("kpi.targets: two targets for " + target.kpi()
            + (target.unit() == null ? " city-wide" : " in unit " + target.unit()));
      }
    }
  }

  public Optional<Target> of(Kpi kpi, String unitCode) {
    Map<Kpi, Target> own = unitCode == null ? null : byUnit.get(unitCode);
    Target target = own == null ? null : own.get(kpi);
    return Optional.ofNullable(target != null ? target : cityWide.get(kpi));
  }

  /** Every KPI of the week that has a target for the unit, in the order of {@link Kpi}. */
  public List<TargetStatus> assess(String unitCode, WeekFigures week) {
    List<TargetStatus> statuses = new ArrayList<>();
    for (Kpi kpi : Kpi.values()) {
      of(kpi, unitCode).ifPresent(target -> statuses.add(TargetStatus.of(target, kpi.of(week))));
    }
    return statuses;
  }

  /** The same, keyed by {@link Kpi#key()} (for templates: {@code statuses['onTimeRate']}). */
  public Map<String, TargetStatus> byKey(String unitCode, WeekFigures week) {
    Map<String, TargetStatus> map = new LinkedHashMap<>();
    assess(unitCode, week).forEach(status -> map.put(status.kpi(), status));
    return map;
  }

  /** The CSS class of a city comparison cell ({@code status-…}), empty without a target or value. */
  public String cssClass(String kpiKey, UnitRow row) {
    Kpi kpi = byKeyName(kpiKey);
    return of(kpi, row.code()).map(target -> target.status(kpi.of(row)))
        .filter(status -> status != Status.NONE).map(Status::cssClass).orElse("");
  }

  /** The configured targets (city-wide and per unit), for the city API. */
  public List<Target> all() {
    List<Target> all = new ArrayList<>(cityWide.values());
    byUnit.values().forEach(targets -> all.addAll(targets.values()));
    return all;
  }

  public static Kpi byKeyName(String key) {
    for (Kpi kpi : Kpi.values()) {
      if (kpi.key().equals(key)) {
        return kpi;
      }
    }
    throw new IllegalArgumentException("no KPI " + key);
  }
}
