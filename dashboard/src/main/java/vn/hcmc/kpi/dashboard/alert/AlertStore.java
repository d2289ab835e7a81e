package vn.hcmc.kpi.dashboard.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import vn.hcmc.kpi.dashboard.system.StateDirectory;

/**
 * Alert firings and the warehouse versions already evaluated, kept under {@code <kpi.state-dir>/alerts/}
 * as appended lines ({@code firings.jsonl}, {@code evaluated-versions.txt}). One firing per rule, unit
 * and week: a later version in which the rule still holds adds nothing (a daily ETL run must not alert
 * a leader again about the same week). Both the dashboard and {@code ./kpi digest} may write; reading
 * keeps the first line of each key, so a race between them cannot show an alert twice.
 */
@Component
public class AlertStore {

  private final Path firingsFile;
  private final Path versionsFile;
  private final JsonMapper json = JsonMapper.builder().build();
  private Map<String, Firing> firings = Map.of();
  private Set<String> versions = Set.of();
  private Object loadedStamp;

  public AlertStore(StateDirectory state) {
    this.firingsFile = state.resolve("alerts/firings.jsonl");
    this.versionsFile = state.resolve("alerts/evaluated-versions.txt");
  }

  public synchronized boolean isEvaluated(String versionId) {
    reload();
    return versions.contains(versionId);
  }

  /** Stores the firings not stored yet, then marks the version evaluated; returns those it stored. */
  public synchronized List<Firing> record(String versionId, List<Firing> evaluated) {
    reload();
    List<Firing> added = new ArrayList<>();
    Map<String, Firing> seen = new LinkedHashMap<>(firings);
    for (Firing firing : evaluated) {
      if (seen.putIfAbsent(firing.key(), firing) == null) {
        added.add(firing);
      }
    }
    StateDirectory.append(firingsFile, added.stream().map(json::writeValueAsString).toList());
    StateDirectory.append(versionsFile, List.of(versionId));
    loadedStamp = null;
    return added;
  }

  /** The firings of one unit and week, in rule order of storage. */
  public synchronized List<Firing> of(String unitCode, LocalDate weekStart) {
    reload();
    return firings.values().stream()
        .filter(f -> f.unitCode().equals(unitCode) && f.weekStart().equals(weekStart)).toList();
  }

  /** The firings of every unit in one week, by unit. */
  public synchronized List<Firing> ofWeek(LocalDate weekStart) {
    reload();
    return firings.values().stream().filter(f -> f.weekStart().equals(weekStart))
        .sorted(Comparator.comparing(Firing::unitCode)).toList();
  }

  /** Firings filtered by unit and/or week (null = any), newest week first. */
  public synchronized List<Firing> find(String unitCode, LocalDate weekStart) {
    reload();
    return firings.values().stream()
        .filter(f -> unitCode == null || f.unitCode().equals(unitCode))
        .filter(f -> weekStart == null || f.weekStart().equals(weekStart))
        .sorted(Comparator.comparing(Firing::weekStart).reversed().thenComparing(Firing::unitCode)).toList();
  }

  /** Re-reads the files when another process (or this one) has appended to them. */
  private void reload() {
    Object stamp = List.of(stamp(firingsFile), stamp(versionsFile));
    if (Objects.equals(stamp, loadedStamp)) {
      return;
    }
    Map<String, Firing> read = new LinkedHashMap<>();
    for (String line : StateDirectory.lines(firingsFile)) {
      Firing firing = json.readValue(line, Firing.class);
      read.putIfAbsent(firing.key(), firing);
    }
    firings = read;
    versions = new TreeSet<>(StateDirectory.lines(versionsFile).stream().map(String::strip).toList());
    loadedStamp = stamp;
  }

  private static Object stamp(Path file) {
    try {
      return Files.exists(file) ? List.of(Files.size(file), Files.getLastModifiedTime(file)) : List.<FileTime>of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
