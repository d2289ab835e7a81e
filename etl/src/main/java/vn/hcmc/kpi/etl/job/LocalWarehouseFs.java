package vn.hcmc.kpi.etl.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A warehouse in a local (or mounted POSIX) folder, through java.nio: the pointer switch is a rename(2). */
final class LocalWarehouseFs implements WarehouseFs {
  private final Path root;
  private final boolean qualify;

  /**
   * @param root the warehouse folder
   * @param qualify whether Spark must be given {@code file:} locations (the default file system is not local)
   */
  LocalWarehouseFs(Path root, boolean qualify) {
    this.root = root.toAbsolutePath().normalize();
    this.qualify = qualify;
  }

  @Override public String location(String relative) {
    String p = localPath(relative).toString();
    return qualify ? "file:" + p : p;
  }

  @Override public Path localPath(String relative) { return relative.isEmpty() ? root : root.resolve(relative); }

  @Override public boolean isFile(String relative) { return Files.isRegularFile(localPath(relative)); }

  @Override public boolean isDirectory(String relative) { return Files.isDirectory(localPath(relative)); }

  @Override public void createDirectories(String relative) throws IOException {
    Files.createDirectories(localPath(relative));
  }

  @Override public void createDirectory(String relative) throws IOException {
    Files.createDirectory(localPath(relative));
  }

  @Override public String readString(String relative) throws IOException {
    return Files.readString(localPath(relative), StandardCharsets.UTF_8);
  }

  @Override public void writeString(String relative, String text) throws IOException {
    Files.writeString(localPath(relative), text, StandardCharsets.UTF_8);
  }

  @Override public byte[] readBytes(String relative) throws IOException {
    return Files.readAllBytes(localPath(relative));
  }

  @Override public void writeBytes(String relative, byte[] bytes) throws IOException {
    Files.write(localPath(relative), bytes);
  }

  @Override public void replaceAtomically(String target, String temporary, String text) throws IOException {
    Path tmp = localPath(temporary);
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Faults.point("before-switch");
    Files.move(tmp, localPath(target), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override public List<String> list(String relative) throws IOException {
    Path dir = localPath(relative);
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Override public Instant lastModified(String relative) throws IOException {
    return Files.getLastModifiedTime(localPath(relative)).toInstant();
  }

  @Override public void deleteTree(String relative) throws IOException {
    Path p = localPath(relative);
    if (!Files.exists(p)) return;
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
    }
  }

  @Override public String toString() { return root.toString(); }
}
