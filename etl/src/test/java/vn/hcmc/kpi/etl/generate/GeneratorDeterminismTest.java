package vn.hcmc.kpi.etl.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorDeterminismTest {

  private static final List<String> UNITS = List.of("26782", "27460", "25747");

  private static GeneratorOptions opts(long seed) {
    return new GeneratorOptions(UNITS, LocalDate.parse("2026-02-09"), LocalDate.parse("2026-02-24"), 1.0, seed);
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  void sameSeedGivesIdenticalBytesDifferentSeedDoesNot(@TempDir Path tmp) throws IOException {
    Path a = tmp.resolve("a"), b = tmp.resolve("b"), c = tmp.resolve("c");
    GenerationResult ra = Gen.GENERATOR.writeTo(opts(42), a);
    // a fresh generator (no cached profiles) must give the same bytes
    new LogGenerator(vn.hcmc.kpi.etl.reference.ReferenceData.defaults()).writeTo(opts(42), b);
    Gen.GENERATOR.writeTo(opts(7), c);

    List<Path> fa = files(a), fb = files(b), fc = files(c);
    assertEquals(fa.stream().map(a::relativize).toList(), fb.stream().map(b::relativize).toList());
    assertEquals(List.of("events/events-2026-W07.csv", "events/events-2026-W08.csv", "events/events-2026-W09.csv",
        "reference/officers.csv"), fa.stream().map(p -> a.relativize(p).toString().replace('\\', '/')).toList());
    for (int i = 0; i < fa.size(); i++) {
      assertArrayEquals(Files.readAllBytes(fa.get(i)), Files.readAllBytes(fb.get(i)), "differs: " + fa.get(i));
    }
    assertEquals(ra.files().size(), 3);
    for (int i = 0; i < fa.size(); i++) {
      assertFalse(Arrays.equals(Files.readAllBytes(fa.get(i)), Files.readAllBytes(fc.get(i))),
          "seed 7 should differ from seed 42: " + fc.get(i));
    }
    assertTrue(ra.dossiers() > 500, "dossiers: " + ra.dossiers());
  }

  @Test
  void rewritingAFolderRemovesOldWeekFiles(@TempDir Path tmp) throws IOException {
    Gen.GENERATOR.writeTo(opts(42), tmp);
    Gen.GENERATOR.writeTo(new GeneratorOptions(UNITS, LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-03"),
        1.0, 42), tmp);
    try (Stream<Path> s = Files.list(tmp.resolve("events"))) {
      assertEquals(List.of("events-2026-W10.csv"), s.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }
}
