package vn.hcmc.kpi.etl.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Unchanged files of a base version carried into a new version of a local warehouse by hard link. A hard
 * link shares the data, so deleting the retired base version later (WarehousePublisher) leaves the new
 * version intact; where links are not possible the file is copied.
 */
final class VersionFiles {
  private VersionFiles() {}

  static List<Path> parquetFiles(Path tableDir) {
    if (!Files.isDirectory(tableDir)) return List.of();
    try (Stream<Path> s = Files.list(tableDir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".parquet") && !p.getFileName().toString().startsWith("."))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + tableDir + ": " + e.getMessage(), e);
    }
  }

  /** Links all Parquet files of a table (reference tables, rejects). */
  static void linkAll(Path baseTable, Path newTable) {
    for (Path p : parquetFiles(baseTable)) link(p, newTable.resolve(p.getFileName()));
  }

  static void link(Path existing, Path target) {
    try {
      Files.createDirectories(target.getParent());
      try {
        Files.createLink(target, existing);
      } catch (UnsupportedOperationException | FileSystemException e) {
        Files.copy(existing, target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot carry " + existing + " into " + target + ": " + e.getMessage(), e);
    }
  }
}
