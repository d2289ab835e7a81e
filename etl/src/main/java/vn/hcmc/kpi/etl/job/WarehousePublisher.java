package vn.hcmc.kpi.etl.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes each run as a new version folder and publishes it by atomically replacing the CURRENT
 * pointer file (docs/warehouse.md). Readers only ever follow CURRENT, so they see the previous
 * complete version until the switch. The newest {@link #DEFAULT_KEEP_VERSIONS} versions are kept.
 */
public final class WarehousePublisher {

  public static final String CURRENT = "CURRENT";
  public static final String VERSIONS = "versions";
  public static final String SUCCESS_MARKER = "_SUCCESS";
  public static final int DEFAULT_KEEP_VERSIONS = 3;
  /**
   * A version beyond the kept ones is deleted only when it was replaced this long ago, so a reader
   * that is still finishing queries on it (the dashboard re-reads CURRENT every second) never finds
   * its files gone.
   */
  public static final java.time.Duration RETIRE_AFTER = java.time.Duration.ofMinutes(10);
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Path root;
  private final int keep;

  public WarehousePublisher(String warehouse, int keep) {
    if (keep < 1) throw new IllegalArgumentException("keep must be at least 1, got " + keep);
    this.root = Paths.get(warehouse).toAbsolutePath().normalize();
    this.keep = keep;
  }

  public Path root() { return root; }

  /** A fresh version id: UTC time of the run plus a random suffix, so ids sort by time. */
  public static String newVersionId(Clock clock) {
    return "v" + ID_TIME.format(clock.instant()) + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Creates the folder of a new version and checks that the warehouse can be written. */
  public Path prepare(String versionId) {
    try {
      Files.createDirectories(root.resolve(VERSIONS));
      Path dir = root.resolve(VERSIONS).resolve(versionId);
      Files.createDirectory(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a new version in warehouse " + root + ": " + e.getMessage(), e);
    }
  }

  /** The published version id, or null when nothing has been published yet. */
  public String current() {
    Path p = root.resolve(CURRENT);
    try {
      return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8).strip() : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
    }
  }

  public Path versionDir(String versionId) { return root.resolve(VERSIONS).resolve(versionId); }

  /** Marks the version complete and switches CURRENT to it in one atomic rename. */
  public void publish(String versionId) {
    try {
      Path dir = versionDir(versionId);
      Files.writeString(dir.resolve(SUCCESS_MARKER), versionId + "\n", StandardCharsets.UTF_8);
      Path tmp = root.resolve(CURRENT + "." + versionId + ".tmp");
      Files.writeString(tmp, versionId + "\n", StandardCharsets.UTF_8);
      Faults.point("before-switch");
      Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      Faults.point("after-switch");
      cleanUp(versionId);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish version " + versionId + " in " + root + ": " + e.getMessage(), e);
    }
  }

  /** Removes versions beyond the newest complete ones kept, and unfinished ones of earlier runs. */
  private void cleanUp(String published) throws IOException {
    List<Path> complete = new ArrayList<>();
    List<Path> unfinished = new ArrayList<>();
    try (Stream<Path> s = Files.list(root.resolve(VERSIONS))) {
      s.filter(Files::isDirectory).forEach(p -> (Files.exists(p.resolve(SUCCESS_MARKER)) ? complete : unfinished).add(p));
    }
    complete.sort(Comparator.comparing(p -> p.getFileName().toString()));
    java.time.Instant now = java.time.Instant.now();
    for (int i = 0; i < complete.size() - keep; i++) {
      if (complete.get(i).getFileName().toString().equals(published)) continue;
      // replaced when its successor was marked complete
      java.time.Instant replaced = Files.getLastModifiedTime(complete.get(i + 1).resolve(SUCCESS_MARKER)).toInstant();
      if (replaced.plus(RETIRE_AFTER).isBefore(now)) deleteTree(complete.get(i));
    }
    for (Path p : unfinished) {
      if (p.getFileName().toString().compareTo(published) < 0) deleteTree(p);
    }
    try (Stream<Path> s = Files.list(root)) {
      for (Path p : s.filter(p -> p.getFileName().toString().startsWith(CURRENT + ".")).toList()) Files.deleteIfExists(p);
    }
  }

  static void deleteTree(Path p) throws IOException {
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
    }
  }
}
