package vn.hcmc.kpi.etl.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing switches CURRENT; old versions go only once replaced longer ago than the retirement period. */
class WarehousePublisherTest {
  @TempDir Path root;

  Path version(WarehousePublisher p, String id, Instant completed) throws Exception {
    Path dir = p.prepare(id);
    Files.createDirectories(dir.resolve("dossiers"));
    Files.writeString(dir.resolve(WarehousePublisher.SUCCESS_MARKER), id);
    Files.setLastModifiedTime(dir.resolve(WarehousePublisher.SUCCESS_MARKER), FileTime.from(completed));
    return dir;
  }

  @Test
  void keepsTheNewestAndAnythingReplacedRecently() throws Exception {
    WarehousePublisher p = new WarehousePublisher(root.toString(), 2);
    Instant now = Instant.now();
    Path v1 = version(p, "v1", now.minus(3, ChronoUnit.HOURS));
    Path v2 = version(p, "v2", now.minus(2, ChronoUnit.HOURS));   // replaced v1 two hours ago
    Path v3 = version(p, "v3", now.minus(1, ChronoUnit.MINUTES)); // replaced v2 a minute ago
    Path unfinished = p.prepare("v0-crashed");
    p.prepare("v4");
    p.publish("v4");
    assertEquals("v4", p.current());
    assertFalse(Files.exists(v1), "beyond the kept two and replaced long ago");
    assertTrue(Files.exists(v2), "beyond the kept two but replaced only a minute ago: a reader may still use it");
    assertTrue(Files.exists(v3));
    assertFalse(Files.exists(unfinished), "an unfinished earlier run is never read, so it goes at once");
    try (var s = Files.list(root)) {
      assertTrue(s.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no pointer temp files left");
    }
  }
}
