package vn.hcmc.kpi.etl.job;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.SparkEnv;
import scala.Tuple2;
import vn.hcmc.kpi.etl.ingest.LogFileReader;

/**
 * Finds the log files under the inputs (local paths or Hadoop URIs: {@code file:}, {@code hdfs:}, {@code s3a:})
 * on the driver, and opens one in a task, wherever that task runs.
 */
public final class LogFiles {
  /** Spark passes Hadoop settings as {@code spark.hadoop.*} (e.g. s3a credentials); executors need them too. */
  static final String SPARK_HADOOP_PREFIX = "spark.hadoop.";

  private LogFiles() {}

  /** Files under the inputs (folders are searched recursively), sorted so runs are reproducible. */
  public static List<InputFile> list(List<String> inputs, Configuration hadoop) {
    if (inputs == null || inputs.isEmpty()) throw new IllegalArgumentException("no inputs given");
    List<InputFile> files = new ArrayList<>();
    try {
      for (String input : inputs) {
        Path p = new Path(input);
        FileSystem fs = p.getFileSystem(hadoop);
        if (!fs.exists(p)) throw new IllegalArgumentException("input does not exist: " + input);
        FileStatus st = fs.getFileStatus(p);
        String base = st.getPath().getParent() == null ? "" : st.getPath().getParent().toUri().getPath();
        if (st.isFile()) {
          files.add(file(st.getPath(), base));
          continue;
        }
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(p, true);
        while (it.hasNext()) {
          LocatedFileStatus f = it.next();
          String name = f.getPath().getName();
          if (f.isFile() && !name.startsWith(".") && !name.startsWith("_") && LogFileReader.isLogFile(name)) {
            files.add(file(f.getPath(), base));
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot list inputs " + inputs + ": " + e.getMessage(), e);
    }
    files.sort(Comparator.comparing(InputFile::name).thenComparing(InputFile::uri));
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no log files (.csv, .jsonl, .xes, optionally .gz) in " + inputs);
    }
    return files;
  }

  private static InputFile file(Path path, String base) {
    String full = path.toUri().getPath();
    String name = !base.isEmpty() && full.startsWith(base + "/") ? full.substring(base.length() + 1) : path.getName();
    return new InputFile(path.toString(), name);
  }

  /** The listed files' total size in bytes (compressed files count as stored). */
  public static long totalBytes(List<InputFile> files, Configuration conf) {
    long total = 0;
    try {
      for (InputFile f : files) {
        Path p = new Path(f.uri());
        total += p.getFileSystem(conf).getFileStatus(p).getLen();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read the size of the inputs: " + e.getMessage(), e);
    }
    return total;
  }

  /** Opens a listed file; in a task, with the application's Hadoop settings. */
  public static InputStream open(InputFile file) throws IOException {
    Path p = new Path(file.uri());
    return p.getFileSystem(taskConfiguration()).open(p);
  }

  /**
   * Hadoop settings in a task: the class path's (core-site.xml) plus the application's {@code spark.hadoop.*}
   * ones, which Spark's own readers apply but a plain {@code new Configuration()} would miss.
   */
  static Configuration taskConfiguration() {
    Configuration conf = new Configuration();
    SparkEnv env = SparkEnv.get();
    if (env == null) return conf;
    for (Tuple2<String, String> kv : env.conf().getAllWithPrefix(SPARK_HADOOP_PREFIX)) conf.set(kv._1(), kv._2());
    return conf;
  }
}
