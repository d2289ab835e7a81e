package vn.hcmc.kpi.etl.job;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * A Hadoop file system that Hadoop does not take for the local one (scheme {@value #SCHEME}, bound in the tests'
 * core-site.xml), though it keeps its files on the local disk: so the tests drive the warehouse's Hadoop code
 * path ({@link HadoopWarehouseFs}) end to end without HDFS. It counts renames, so a test sees how a pointer was
 * switched. Bound to another scheme (e.g. {@code fs.s3a.impl}), it stands in for that store.
 */
public class KpiTestFileSystem extends RawLocalFileSystem {
  public static final String SCHEME = "kpitest";
  static final AtomicInteger RENAMES = new AtomicInteger();
  private static final URI DEFAULT = URI.create(SCHEME + ":///");
  private URI uri; // null while RawLocalFileSystem's constructor already asks for it

  @Override public void initialize(URI name, Configuration conf) throws IOException {
    super.initialize(name, conf);
    uri = URI.create(name.getScheme() + "://" + (name.getAuthority() == null ? "" : name.getAuthority()) + "/");
  }

  @Override public URI getUri() { return uri == null ? DEFAULT : uri; }

  @Override public String getScheme() { return getUri().getScheme(); }

  @Override public boolean rename(Path src, Path dst) throws IOException {
    RENAMES.incrementAndGet();
    return super.rename(src, dst);
  }

  // RawLocalFileSystem's statuses read permissions through java.io.File, which wants file: paths: plain ones here
  @Override public FileStatus getFileStatus(Path f) throws IOException { return plain(super.getFileStatus(f)); }

  @Override public FileStatus getFileLinkStatus(Path f) throws IOException { return plain(super.getFileLinkStatus(f)); }

  @Override public FileStatus[] listStatus(Path f) throws IOException {
    FileStatus[] all = super.listStatus(f);
    for (int i = 0; i < all.length; i++) all[i] = plain(all[i]);
    return all;
  }

  private static FileStatus plain(FileStatus s) {
    return new FileStatus(s.getLen(), s.isDirectory(), s.getReplication(), s.getBlockSize(), s.getModificationTime(),
        s.getPath());
  }

  /** The FileContext binding (fs.AbstractFileSystem.kpitest.impl), as HDFS has one. */
  public static final class Bound extends DelegateToFileSystem {
    public Bound(URI uri, Configuration conf) throws java.net.URISyntaxException, IOException {
      super(uri, new KpiTestFileSystem(), conf, SCHEME, false);
    }
  }
}
