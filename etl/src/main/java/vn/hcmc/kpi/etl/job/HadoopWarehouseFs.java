package vn.hcmc.kpi.etl.job;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;

/**
 * A warehouse on a Hadoop file system other than the local one: HDFS, s3a and the like.
 *
 * <p>On HDFS the pointer switch is FileContext's rename with OVERWRITE, a single NameNode operation and so
 * atomic, as rename(2) is locally. Object stores have no atomic rename (s3a copies, then deletes), but a single
 * small object is replaced atomically by one PUT, so there the pointer is written in place.
 */
final class HadoopWarehouseFs implements WarehouseFs {
  /** Schemes of object stores: their rename is a copy, their single-object PUT is atomic. */
  static final Set<String> OBJECT_STORE_SCHEMES = Set.of("s3a", "s3", "s3n", "gs", "oss", "cosn", "obs");

  private final FileSystem fs;
  private final Path root;

  HadoopWarehouseFs(FileSystem fs, Path root) {
    this.fs = fs;
    this.root = fs.makeQualified(root);
  }

  private Path path(String relative) { return relative.isEmpty() ? root : new Path(root, relative); }

  @Override public String location(String relative) { return path(relative).toString(); }

  @Override public java.nio.file.Path localPath(String relative) {
    throw new UnsupportedOperationException("warehouse " + root + " is not a local folder");
  }

  private FileStatus status(String relative) throws IOException {
    try {
      return fs.getFileStatus(path(relative));
    } catch (FileNotFoundException e) {
      return null;
    }
  }

  @Override public boolean isFile(String relative) throws IOException {
    FileStatus s = status(relative);
    return s != null && s.isFile();
  }

  @Override public boolean isDirectory(String relative) throws IOException {
    FileStatus s = status(relative);
    return s != null && s.isDirectory();
  }

  @Override public void createDirectories(String relative) throws IOException {
    if (!fs.mkdirs(path(relative))) throw new IOException("cannot create " + path(relative));
  }

  @Override public void createDirectory(String relative) throws IOException {
    // not atomic like mkdir(2), but version ids carry a random suffix, so two runs never pick the same one
    if (fs.exists(path(relative))) throw new FileAlreadyExistsException(path(relative).toString());
    createDirectories(relative);
  }

  @Override public String readString(String relative) throws IOException {
    return new String(readBytes(relative), StandardCharsets.UTF_8);
  }

  @Override public void writeString(String relative, String text) throws IOException {
    writeBytes(relative, text.getBytes(StandardCharsets.UTF_8));
  }

  @Override public byte[] readBytes(String relative) throws IOException {
    try (InputStream in = fs.open(path(relative)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      in.transferTo(out);
      return out.toByteArray();
    }
  }

  @Override public void writeBytes(String relative, byte[] bytes) throws IOException {
    try (OutputStream out = fs.create(path(relative), true)) {
      out.write(bytes);
    }
  }

  @Override public void replaceAtomically(String target, String temporary, String text) throws IOException {
    if (OBJECT_STORE_SCHEMES.contains(root.toUri().getScheme().toLowerCase(Locale.ROOT))) {
      Faults.point("before-switch");
      writeString(target, text);
      return;
    }
    writeString(temporary, text);
    Faults.point("before-switch");
    FileContext fc;
    try {
      fc = FileContext.getFileContext(fs.getUri(), fs.getConf());
    } catch (UnsupportedFileSystemException e) {
      // a file system without a FileContext binding: replace in two steps (readers may briefly find no pointer)
      fs.delete(path(target), false);
      if (!fs.rename(path(temporary), path(target))) throw new IOException("cannot rename to " + path(target));
      return;
    }
    fc.rename(path(temporary), path(target), Options.Rename.OVERWRITE);
  }

  @Override public List<String> list(String relative) throws IOException {
    List<String> names = new ArrayList<>();
    try {
      for (FileStatus s : fs.listStatus(path(relative))) names.add(s.getPath().getName());
    } catch (FileNotFoundException e) {
      return List.of();
    }
    names.sort(null);
    return names;
  }

  @Override public Instant lastModified(String relative) throws IOException {
    return Instant.ofEpochMilli(fs.getFileStatus(path(relative)).getModificationTime());
  }

  @Override public void deleteTree(String relative) throws IOException {
    fs.delete(path(relative), true);
  }

  @Override public String toString() { return root.toString(); }
}
