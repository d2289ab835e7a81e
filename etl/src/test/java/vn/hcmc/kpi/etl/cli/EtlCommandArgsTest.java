package vn.hcmc.kpi.etl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Argument checks of kpi etl that refuse before Spark starts. */
class EtlCommandArgsTest {

  private static String refusal(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    int status = EtlCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC());
    assertEquals(2, status, "status; stderr: " + err.toString(StandardCharsets.UTF_8));
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void figuresOnlyWritesNoWarehouseSoItRefusesWarehouseOptions() {
    for (String[] extra : new String[][] {{"--warehouse", "wh"}, {"--incremental"}, {"--keep-versions", "2"}}) {
      String[] args = new String[4 + extra.length];
      args[0] = "--input";
      args[1] = "logs";
      args[2] = "--figures-only";
      args[3] = "out";
      System.arraycopy(extra, 0, args, 4, extra.length);
      String err = refusal(args);
      assertTrue(err.contains("--figures-only DIR writes no warehouse"), err);
    }
  }

  @Test
  void withoutFiguresOnlyTheWarehouseIsRequired() {
    String err = refusal("--input", "logs");
    assertTrue(err.contains("--warehouse is required"), err);
  }
}
