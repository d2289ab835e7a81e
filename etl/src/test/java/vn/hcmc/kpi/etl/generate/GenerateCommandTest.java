package vn.hcmc.kpi.etl.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hcmc.kpi.etl.clock.Zones;

class GenerateCommandTest {

  /** Wednesday 18 March 2026, 09:00 local. */
  private static final Clock WEDNESDAY = Clock.fixed(Instant.parse("2026-03-18T02:00:00Z"), Zones.LOCAL);

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private GenerateCommand command(Clock clock) {
    return new GenerateCommand(clock, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() { return err.toString(StandardCharsets.UTF_8); }

  @Test
  void helpPrintsUsage() {
    assertEquals(0, command(WEDNESDAY).execute(new String[] {"--help"}));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("usage: generate --out DIR"));
  }

  @Test
  void defaultsAreAllUnitsTheLastEightIsoWeeksScaleOneSeed42() throws Exception {
    GenerateCommand.Parsed p = command(WEDNESDAY).parse(new String[] {"--out", "x"}, Gen.REF);
    assertEquals(LocalDate.parse("2026-03-15"), p.options().to()); // last Sunday before today
    assertEquals(LocalDate.parse("2026-01-19"), p.options().from()); // Monday, 8 ISO weeks
    assertEquals(168, p.options().unitCodes().size());
    assertEquals(1.0, p.options().scale());
    assertEquals(42, p.options().seed());
    // on a Sunday, the last Sunday *before* today is a week ago
    Clock sunday = Clock.fixed(Instant.parse("2026-03-15T05:00:00Z"), Zones.LOCAL);
    assertEquals(LocalDate.parse("2026-03-08"), command(sunday).parse(new String[] {"--out", "x"}, Gen.REF).options().to());
  }

  @Test
  void unitsByCountOrByCode() throws Exception {
    GenerateCommand.Parsed n = command(WEDNESDAY).parse(new String[] {"--out", "x", "--units", "3"}, Gen.REF);
    assertEquals(Gen.allUnits().subList(0, 3), n.options().unitCodes());
    GenerateCommand.Parsed codes = command(WEDNESDAY).parse(
        new String[] {"--out", "x", "--units", "27460, 26782,27460", "--from", "2026-01-05", "--to", "2026-01-11",
            "--scale", "0.5", "--seed", "9"}, Gen.REF);
    assertEquals(List.of("27460", "26782"), codes.options().unitCodes());
    assertEquals(0.5, codes.options().scale());
    assertEquals(9, codes.options().seed());
  }

  @Test
  void badArgumentsSayWhatWasWrong() {
    assertBad("--out is required", "--units", "2");
    assertBad("unknown unit code(s) [99999]", "--out", "x", "--units", "26782,99999");
    assertBad("between 1 and 168", "--out", "x", "--units", "0");
    assertBad("--from must be an ISO date", "--out", "x", "--from", "05/01/2026");
    assertBad("is before --from", "--out", "x", "--from", "2026-02-01", "--to", "2026-01-01");
    assertBad("--scale must be positive", "--out", "x", "--scale", "-1");
    assertBad("--seed must be an integer", "--out", "x", "--seed", "abc");
    assertBad("unknown option '--bogus'", "--out", "x", "--bogus", "1");
    assertBad("--out needs a value", "--out");
    assertBad("--reference: not a folder", "--out", "x", "--reference", "/no/such/folder");
  }

  private void assertBad(String message, String... args) {
    out.reset();
    err.reset();
    assertEquals(2, command(WEDNESDAY).execute(args), String.join(" ", args));
    assertTrue(err().contains(message), "expected '" + message + "' in: " + err());
    assertTrue(err().contains("usage:"), err());
  }

  @Test
  void writesWeekFilesOfficersAndASummary(@TempDir Path tmp) throws IOException {
    int rc = command(WEDNESDAY).execute(new String[] {"--out", tmp.toString(), "--units", "2", "--from", "2026-03-05",
        "--to", "2026-03-10", "--scale", "0.2"});
    assertEquals(0, rc, err());
    String summary = out.toString(StandardCharsets.UTF_8);
    assertTrue(summary.matches("(?s)generated [\\d,]+ dossiers, [\\d,]+ events in 2 files .*"), summary);
    try (Stream<Path> s = Files.list(tmp.resolve("events"))) {
      assertEquals(List.of("events-2026-W10.csv", "events-2026-W11.csv"),
          s.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertTrue(Files.size(tmp.resolve("reference/officers.csv")) > 100);
  }

  @Test
  void optionsRejectNonsense() {
    assertThrows(IllegalArgumentException.class,
        () -> new GeneratorOptions(List.of(), LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-02"), 1, 1));
    assertThrows(IllegalArgumentException.class,
        () -> Gen.GENERATOR.profile("00000", 42, 1.0));
  }
}
