package vn.hcmc.kpi.dashboard.alert;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.hcmc.kpi.dashboard.targets.Targets;
import vn.hcmc.kpi.dashboard.warehouse.Columns;
import vn.hcmc.kpi.dashboard.warehouse.Warehouse;
import vn.hcmc.kpi.dashboard.warehouse.Warehouse.Snapshot;
import vn.hcmc.kpi.dashboard.warehouse.WarehouseUnavailableException;
import vn.hcmc.kpi.dashboard.ward.WardWeeklyQueries;
import vn.hcmc.kpi.dashboard.ward.WeekFigures;

/**
 * Evaluates the alert rules once per published warehouse version, i.e. after every successful ETL run
 * (a failed run publishes nothing). The dashboard looks for a new version every
 * {@code kpi.alerts.check-interval}; {@code ./kpi digest} evaluates before it builds the digests. Both go
 * through {@link #evaluateCurrent()}, idempotent per version id.
 *
 * <p>Checked weeks: each unit's last {@code lookback-weeks} weeks that are over by the clock (the week
 * under way is not: its counts are not final, so "worse than last week" would fire on every daily run).
 * A week that is over but ends after the version's as-of time (the ETL marks it partial: a log read on
 * Sunday evening) is checked as it stands; a later version can add firings for it, never remove them.
 */
@Component
@EnableConfigurationProperties(AlertSettings.class)
public class AlertEvaluator {

  private static final Logger LOG = LoggerFactory.getLogger(AlertEvaluator.class);

  private final Warehouse warehouse;
  private final AlertStore store;
  private final AlertRules rules;
  private final AlertSettings settings;
  private final Clock clock;

  AlertEvaluator(Warehouse warehouse, AlertStore store, Targets targets, AlertSettings settings, Clock clock) {
    this.warehouse = warehouse;
    this.store = store;
    this.rules = new AlertRules(settings.rules(), targets);
    this.settings = settings;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${kpi.alerts.check-interval:10s}", initialDelayString = "${kpi.alerts.check-interval:10s}")
  void poll() {
    try {
      evaluateCurrent();
    } catch (WarehouseUnavailableException e) {
      LOG.debug("No warehouse to evaluate alerts on: {}", e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("Alert evaluation failed (will retry at the next check)", e);
    }
  }

  /** Evaluates the current version unless done before; returns the firings it stored. */
  public synchronized List<Firing> evaluateCurrent() {
    return warehouse.read(snapshot -> {
      if (store.isEvaluated(snapshot.versionId())) {
        return List.of();
      }
      List<Firing> added = store.record(snapshot.versionId(), evaluate(snapshot));
      LOG.info("Alerts on warehouse version {}: {} new firing(s)", snapshot.versionId(), added.size());
      return added;
    });
  }

  private List<Firing> evaluate(Snapshot snapshot) {
    Map<String, Map<LocalDate, WeekFigures>> weeksByUnit = new HashMap<>();
    LocalDate today = LocalDate.now(clock.withZone(Columns.LOCAL));
    snapshot.query("""
        WITH last AS (SELECT ward_code, max(week_start) FILTER (WHERE week_start + 7 <= $1) AS last_over
                      FROM ward_weekly GROUP BY ward_code)
        SELECT w.* FROM ward_weekly w JOIN last USING (ward_code)
        WHERE w.week_start > last.last_over - to_days(CAST(7 * ($2 + 1) AS INTEGER))
          AND w.week_start <= last.last_over""", row -> {
      WeekFigures figures = WardWeeklyQueries.figures(row);
      weeksByUnit.computeIfAbsent(row.getString("ward_code"), unit -> new TreeMap<>()).put(figures.weekStart(), figures);
      return null;
    }, today, settings.lookbackWeeks());
    Map<String, List<LocalDate>> toCheck = new LinkedHashMap<>();
    weeksByUnit.forEach((unit, weeks) -> {
      List<LocalDate> over = new ArrayList<>(weeks.keySet());
      toCheck.put(unit, over.subList(Math.max(0, over.size() - settings.lookbackWeeks()), over.size()));
    });
    Map<String, String> names = new HashMap<>();
    WardWeeklyQueries.unitsWithData(snapshot).forEach(unit -> names.put(unit.code(), unit.name()));
    return rules.evaluate(weeksByUnit, names, toCheck, OffsetDateTime.now(clock.withZone(Columns.LOCAL)),
        snapshot.versionId());
  }
}
