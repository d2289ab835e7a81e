package vn.hcmc.kpi.etl.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.hcmc.kpi.etl.cli.EtlCommand;
import vn.hcmc.kpi.etl.clock.ClockSettings;
import vn.hcmc.kpi.etl.ingest.xes.RealLogs;
import vn.hcmc.kpi.etl.job.EtlOptions;
import vn.hcmc.kpi.etl.job.KpiJob;
import vn.hcmc.kpi.etl.job.TestSpark;
import vn.hcmc.kpi.etl.profile.InputMapping;

/**
 * Reliability promise on real public logs (skipped when shared/data/real is absent): mutated copies
 * of the NYC 311 sample and the WABO XES log give rejects with reasons or a failure naming the file,
 * never a hang, and a failed run leaves the published version as it was.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class RealLogMutationTest {
  @TempDir Path tmp;

  KpiJob.RunSummary run(String profile, Path input, Path warehouse) {
    EtlOptions o = new EtlOptions(List.of(input.toString()), warehouse.toString(), null, null, null,
        ClockSettings.DEFAULTS, 3);
    return new KpiJob(TestSpark.get(), o, RealLogs.CLOCK).withInput(InputMapping.of(null, profile)).run();
  }

  @Test
  void mutated311RequestsAreRejectedRowByRow() throws Exception {
    List<String> lines = Files.readAllLines(RealLogs.file("nyc311-sample.csv"), StandardCharsets.UTF_8);
    List<String> mutated = new ArrayList<>(lines.subList(0, 400));
    mutated.set(10, mutated.get(10).substring(0, 40));                       // a row cut short
    mutated.set(20, mutated.get(20).replaceFirst("^(\\d+),[^,]*,", "$1,not a date,")); // a bad created time
    mutated.set(30, "=HYPERLINK(\"http://x\")," + mutated.get(30).substring(mutated.get(30).indexOf(',') + 1));
    byte[] body = (String.join("\r\n", mutated) + "\r\n").getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});        // a BOM
    out.write(body, 0, body.length - 200);                                  // and truncated at the end
    Path dir = tmp.resolve("311");
    Files.createDirectories(dir);
    Files.write(dir.resolve("nyc311-mutated.csv"), out.toByteArray());
    KpiJob.RunSummary s = run("nyc311", dir, tmp.resolve("wh-311"));
    assertTrue(s.reconciles(), s.toString());
    assertEquals(399, s.rowsRead(), "every request row is read once, the truncated last one included");
    assertTrue(s.rejected() >= 3, "the short row, the bad time and the truncated row at least: " + s);
  }

  @Test
  void aTruncatedRealXesFailsNamingTheFileAndKeepsThePublishedVersion() throws Exception {
    Path wh = tmp.resolve("wh-wabo");
    Path good = tmp.resolve("good");
    Files.createDirectories(good);
    Files.copy(RealLogs.file("wabo-receipt.xes.gz"), good.resolve("wabo-receipt.xes.gz"));
    KpiJob.RunSummary first = run("wabo", good, wh);
    String published = Files.readString(wh.resolve("CURRENT")).strip();

    byte[] xml;
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(RealLogs.file("wabo-receipt.xes.gz")))) {
      xml = in.readAllBytes();
    }
    byte[] zipped = gzip(xml);
    for (byte[] broken : List.of(Arrays.copyOf(xml, xml.length / 2),            // XML cut in the middle
        Arrays.copyOf(zipped, zipped.length / 3))) {                             // gzip cut short
      Path dir = Files.createTempDirectory(tmp, "broken");
      Path file = dir.resolve(broken[0] == (byte) 0x1f ? "wabo-cut.xes.gz" : "wabo-cut.xes");
      Files.write(file, broken);
      Exception e = assertThrows(Exception.class, () -> run("wabo", dir, wh));
      String message = EtlCommand.describe(e);
      assertTrue(message.contains(file.getFileName().toString()), message);
      assertEquals(published, Files.readString(wh.resolve("CURRENT")).strip());
    }
    assertTrue(first.dossiers() > 1000);
  }

  static byte[] gzip(byte[] data) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) { gz.write(data); }
    return out.toByteArray();
  }
}
