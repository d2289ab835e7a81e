package vn.hcmc.kpi.etl.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;

/**
 * Writes each run as a new version folder and publishes it by atomically replacing the CURRENT
 * pointer file (docs/warehouse.md). Readers only ever follow CURRENT, so they see the previous
 * complete version until the switch. The newest {@link #DEFAULT_KEEP_VERSIONS} versions are kept.
 * The warehouse is a local folder or any Hadoop file system URI ({@link WarehouseFs}).
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

  private final WarehouseFs fs;
  private final String description;
  private final int keep;

  /** A warehouse resolved with Hadoop's default configuration (a bare path is a local folder unless core-site.xml says otherwise). */
  public WarehousePublisher(String warehouse, int keep) {
    this(warehouse, keep, new Configuration());
  }

  /** @param hadoop the configuration that resolves the warehouse URI (Spark's, so spark.hadoop.* settings apply) */
  public WarehousePublisher(String warehouse, int keep, Configuration hadoop) {
    if (keep < 1) throw new IllegalArgumentException("keep must be at least 1, got " + keep);
    this.fs = WarehouseFs.of(warehouse, hadoop);
    this.description = fs.location("");
    this.keep = keep;
  }

  /** The file operations on this warehouse. */
  public WarehouseFs fs() { return fs; }

  /** The warehouse folder; only a local warehouse has one. */
  public Path root() { return fs.localPath(""); }

  /** Where the warehouse is: a local path or a URI. */
  public String location() { return description; }

  /** A fresh version id: UTC time of the run plus a random suffix, so ids sort by time. */
  public static String newVersionId(Clock clock) {
    return "v" + ID_TIME.format(clock.instant()) + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Creates the folder of a new version, checking that the warehouse can be written, and returns its location. */
  public String create(String versionId) {
    try {
      fs.createDirectories(VERSIONS);
      fs.createDirectory(version(versionId));
      return fs.location(version(versionId));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a new version in warehouse " + description + ": " + e.getMessage(),
          e);
    }
  }

  /** {@link #create} for a local warehouse, returning the folder. */
  public Path prepare(String versionId) {
    create(versionId);
    return versionDir(versionId);
  }

  /** The published version id, or null when nothing has been published yet. */
  public String current() {
    try {
      return fs.isFile(CURRENT) ? fs.readString(CURRENT).strip() : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + fs.location(CURRENT) + ": " + e.getMessage(), e);
    }
  }

  /** The folder of a version of a local warehouse. */
  public Path versionDir(String versionId) { return fs.localPath(version(versionId)); }

  /** The location of a version's table, for Spark. */
  public String tableLocation(String versionId, String table) { return fs.location(version(versionId) + "/" + table); }

  /** Whether a version has the table. */
  public boolean hasTable(String versionId, String table) {
    try {
      return fs.isDirectory(version(versionId) + "/" + table);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + tableLocation(versionId, table) + ": " + e.getMessage(), e);
    }
  }

  /** Writes the run's manifest ({@value RunManifest#FILE}) into its version. */
  public void writeManifest(RunManifest manifest) {
    String file = version(manifest.runId()) + "/" + RunManifest.FILE;
    try {
      fs.writeString(file, manifest.toJson());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run manifest " + fs.location(file), e);
    }
  }

  /** A version's manifest, or null when it has none (an unfinished run) or it cannot be read. */
  public RunManifest manifest(String versionId) {
    String file = version(versionId) + "/" + RunManifest.FILE;
    try {
      return fs.isFile(file) ? RunManifest.fromJson(fs.readString(file)) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Version ids in the warehouse, oldest first, complete or not. */
  public List<String> versions() {
    try {
      List<String> ids = new ArrayList<>();
      for (String name : fs.list(VERSIONS)) if (fs.isDirectory(version(name))) ids.add(name);
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + fs.location(VERSIONS) + ": " + e.getMessage(), e);
    }
  }

  /** Whether a version was marked complete. */
  public boolean isComplete(String versionId) {
    try {
      return fs.isFile(version(versionId) + "/" + SUCCESS_MARKER);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + fs.location(version(versionId)) + ": " + e.getMessage(), e);
    }
  }

  /** Marks the version complete and switches CURRENT to it in one atomic rename. */
  public void publish(String versionId) {
    try {
      fs.writeString(version(versionId) + "/" + SUCCESS_MARKER, versionId + "\n");
      fs.replaceAtomically(CURRENT, CURRENT + "." + versionId + ".tmp", versionId + "\n");
      Faults.point("after-switch");
      cleanUp(versionId);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish version " + versionId + " in " + description + ": "
          + e.getMessage(), e);
    }
  }

  private static String version(String versionId) { return VERSIONS + "/" + versionId; }

  /** Removes versions beyond the newest complete ones kept, and unfinished ones of earlier runs. */
  private void cleanUp(String published) throws IOException {
    List<String> complete = new ArrayList<>();
    List<String> unfinished = new ArrayList<>();
    for (String id : versions()) (isComplete(id) ? complete : unfinished).add(id);
    Instant now = Instant.now();
    for (int i = 0; i < complete.size() - keep; i++) {
      if (complete.get(i).equals(published)) continue;
      // replaced when its successor was marked complete
      Instant replaced = fs.lastModified(version(complete.get(i + 1)) + "/" + SUCCESS_MARKER);
      if (replaced.plus(RETIRE_AFTER).isBefore(now)) fs.deleteTree(version(complete.get(i)));
    }
    for (String id : unfinished) {
      if (id.compareTo(published) < 0) fs.deleteTree(version(id));
    }
    for (String name : fs.list("")) {
      if (name.startsWith(CURRENT + ".")) fs.deleteTree(name);
    }
  }
}
