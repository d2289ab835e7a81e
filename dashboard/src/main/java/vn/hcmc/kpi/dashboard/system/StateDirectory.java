package vn.hcmc.kpi.dashboard.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.hcmc.kpi.dashboard.warehouse.Warehouse;

/**
 * {@code kpi.state-dir}: where the dashboard keeps what it writes itself (alert firings, digest
 * deliveries and unsent digests), as JSON lines. Never inside the warehouse (checked at start-up): the
 * warehouse is the ETL's, and whatever is there could be published or replaced by a run.
 */
@Component
public class StateDirectory {

  private final Path root;

  public StateDirectory(@Value("${kpi.state-dir:./data/state}") Path configured, Warehouse warehouse) {
    Path dir = configured.toAbsolutePath().normalize();
    if (dir.startsWith(warehouse.root())) {
      throw new IllegalStateException("kpi.state-dir (" + dir + ") must be outside the warehouse (" + warehouse.root() + ")");
    }
    this.root = dir;
  }

  public Path resolve(String relative) {
    return root.resolve(relative);
  }

  /** Appends lines (each one JSON document) to a file, creating folders as needed. */
  public static void append(Path file, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The non-blank lines of a file; none when it does not exist yet. */
  public static List<String> lines(Path file) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
