package vn.hcmc.kpi.etl.job;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * The few file operations that publishing a warehouse needs (docs/warehouse.md), on paths relative to its root
 * such as {@code versions/<id>/_SUCCESS}. A warehouse on the local file system goes through java.nio, as it
 * always did; any other Hadoop file system ({@code hdfs:}, {@code s3a:}, …) goes through Hadoop's FileSystem API.
 */
public interface WarehouseFs {

  /**
   * Picks the implementation for a warehouse given as a path or URI. A path without a scheme is resolved the
   * way Spark resolves it, against {@code fs.defaultFS}: a local folder on a machine without Hadoop settings,
   * HDFS where the cluster's core-site.xml says so.
   *
   * @throws IllegalArgumentException when no file system serves the scheme (s3a needs hadoop-aws on the class path)
   */
  static WarehouseFs of(String warehouse, Configuration hadoop) {
    if (warehouse == null || warehouse.isBlank()) throw new IllegalArgumentException("--warehouse is required");
    if (hadoop == null) throw new IllegalArgumentException("a Hadoop configuration is required");
    URI uri = new org.apache.hadoop.fs.Path(warehouse).toUri();
    FileSystem fs;
    try {
      fs = new org.apache.hadoop.fs.Path(warehouse).getFileSystem(hadoop);
    } catch (IOException e) {
      throw new IllegalArgumentException("no file system for warehouse " + warehouse + " (" + e.getMessage()
          + "; s3a: needs hadoop-aws and its AWS SDK on the class path, e.g. spark-submit --packages)", e);
    }
    if ("file".equals(fs.getUri().getScheme())) {
      Path local = uri.getScheme() == null ? Paths.get(warehouse) : Paths.get(uri.getPath());
      // A bare path handed to Spark is resolved against fs.defaultFS; where that is not the local file
      // system (a cluster's core-site.xml), Spark must be told file: explicitly or it writes elsewhere.
      boolean qualify = !"file".equals(FileSystem.getDefaultUri(hadoop).getScheme());
      return new LocalWarehouseFs(local, qualify);
    }
    return new HadoopWarehouseFs(fs, new org.apache.hadoop.fs.Path(warehouse));
  }

  /** Where a path under the root is, as Spark should be given it: an absolute local path or a URI. */
  String location(String relative);

  /** The local path of a path under the root. Only a local warehouse has one. */
  Path localPath(String relative);

  boolean isFile(String relative) throws IOException;

  boolean isDirectory(String relative) throws IOException;

  /** Creates a folder and its parents; nothing happens when it exists. */
  void createDirectories(String relative) throws IOException;

  /** Creates a folder that must not exist yet (a new version). */
  void createDirectory(String relative) throws IOException;

  String readString(String relative) throws IOException;

  /** Writes a small UTF-8 file, replacing it when it exists. */
  void writeString(String relative, String text) throws IOException;

  byte[] readBytes(String relative) throws IOException;

  /** Writes a file, replacing it when it exists. */
  void writeBytes(String relative, byte[] bytes) throws IOException;

  /**
   * Makes {@code target} hold {@code text} such that readers see the old or the new content, never none
   * and never a part: written to {@code temporary} and renamed over the target where renaming is atomic
   * (a local POSIX file system, HDFS), or written in place as one object where it is not (object stores,
   * whose single PUT is atomic).
   */
  void replaceAtomically(String target, String temporary, String text) throws IOException;

  /** Names of the entries directly under a folder; empty when it does not exist. */
  List<String> list(String relative) throws IOException;

  Instant lastModified(String relative) throws IOException;

  /** Deletes a file or a folder with everything in it; nothing happens when it does not exist. */
  void deleteTree(String relative) throws IOException;
}
