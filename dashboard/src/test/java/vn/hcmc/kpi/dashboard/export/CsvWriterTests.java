package vn.hcmc.kpi.dashboard.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.hcmc.kpi.dashboard.export.ExportTable.Kind;

class CsvWriterTests {

  @Test
  void textThatASpreadsheetWouldRunAsAFormulaIsNeutralised() throws IOException {
    ExportTable table = new ExportTable.Builder("t", "t").column("name", Kind.TEXT).column("n", Kind.COUNT)
        .row("=HYPERLINK(\"http://x\")", -3L).row("+1", 1L).row("-2+3", 2L).row("@SUM(A1)", 3L)
        .row("\tTab", 4L).row("Nguyễn, Văn \"A\"", 5L).row(null, null).row("", 0L).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvWriter.write(table, out);
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n", -1);
    assertThat(lines[0]).isEqualTo("\ufeffname,n");
    assertThat(lines[1]).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\",-3"); // a number stays a number
    assertThat(lines[2]).isEqualTo("\"'+1\",1");
    assertThat(lines[3]).isEqualTo("\"'-2+3\",2");
    assertThat(lines[4]).isEqualTo("\"'@SUM(A1)\",3");
    assertThat(lines[5]).isEqualTo("\"'\tTab\",4");
    assertThat(lines[6]).isEqualTo("\"Nguyễn, Văn \"\"A\"\"\",5");
    assertThat(lines[7]).isEqualTo(",");
    assertThat(lines[8]).isEqualTo("\"\",0");
  }

  @Test
  void datesAreIso() {
    assertThat(CsvWriter.field(LocalDate.of(2026, 3, 2))).isEqualTo("2026-03-02");
    assertThat(CsvWriter.field(0.25)).isEqualTo("0.25");
  }
}
