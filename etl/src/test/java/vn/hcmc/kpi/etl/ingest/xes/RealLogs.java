package vn.hcmc.kpi.etl.ingest.xes;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import vn.hcmc.kpi.etl.ingest.Counted;
import vn.hcmc.kpi.etl.ingest.LogFileReader;
import vn.hcmc.kpi.etl.profile.InputMapping;
import vn.hcmc.kpi.etl.profile.MappingProfile;

/** The real public logs in shared/data/real (system property shared.dir); tests skip when absent. */
public final class RealLogs {
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);

  private RealLogs() {}

  public static Path dir() {
    String shared = System.getProperty("shared.dir", "../../shared");
    return Path.of(shared, "data", "real");
  }

  /** The file, or a JUnit assumption failure (test skipped) when the real data is not there. */
  public static Path file(String name) {
    Path p = dir().resolve(name);
    assumeTrue(Files.isRegularFile(p), "real log not available: " + p);
    return p;
  }

  /** Everything a profile makes of one file, in order. */
  public static List<Counted> read(Path file, String profile) throws IOException {
    List<Counted> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      new LogFileReader(CLOCK, new InputMapping(null, MappingProfile.load(profile)))
          .read(file.toString(), in, o -> out.add((Counted) o));
    }
    return out;
  }
}
