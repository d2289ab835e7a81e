package vn.hcmc.kpi.etl.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  private static List<CsvReader.Record> all(String text, int maxChars, int bufferChars, boolean scan) throws IOException {
    List<CsvReader.Record> out = new ArrayList<>();
    try (CsvReader csv = new CsvReader(new StringReader(text), maxChars, bufferChars, scan)) {
      for (CsvReader.Record r; (r = csv.next()) != null; ) out.add(r);
    }
    return out;
  }

  @Test
  void recordsKnowTheirLinesFieldsAndRawText() throws IOException {
    String text = "a,b\r\nc,\"d,e\"\n\n\"x\ny\",z\rlast,\"say \"\"hi\"\"\"";
    List<CsvReader.Record> expected = List.of(
        new CsvReader.Record(1, "a,b", List.of("a", "b"), null),
        new CsvReader.Record(2, "c,\"d,e\"", List.of("c", "d,e"), null),
        new CsvReader.Record(4, "\"x\ny\",z", List.of("x\ny", "z"), null),
        new CsvReader.Record(6, "last,\"say \"\"hi\"\"\"", List.of("last", "say \"hi\""), null));
    for (int buffer : new int[] {1, 2, 3, 5, 8, 1 << 16}) {
      assertEquals(expected, all(text, 1 << 20, buffer, true), "buffer " + buffer);
      assertEquals(expected, all(text, 1 << 20, buffer, false), "buffer " + buffer);
    }
  }

  @Test
  void tooLongAndUnterminatedRecordsAreErrorsWhicheverWayTheyAreRead() throws IOException {
    String text = "ab,cd\nabcdef,g\nok\n\"open,";
    for (boolean scan : new boolean[] {true, false}) {
      List<CsvReader.Record> got = all(text, 6, 1 << 16, scan);
      assertEquals(List.of("ab", "cd"), got.get(0).fields());
      assertEquals("RECORD_TOO_LONG", got.get(1).error());
      assertEquals(2, got.get(1).line());
      assertEquals(new CsvReader.Record(3, "ok", List.of("ok"), null), got.get(2));
      assertEquals("UNTERMINATED_QUOTE", got.get(3).error());
      assertEquals(4, got.size());
    }
  }

  /** The scan in the buffer is only a faster way: on any text, any buffer size, it reads what the slow path reads. */
  @Test
  void scanningInTheBufferReadsWhatCharacterByCharacterReads() throws IOException {
    char[] alphabet = {'a', 'b', 'ệ', ' ', ',', ',', '"', '\n', '\n', '\r'};
    Random random = new Random(14);
    for (int run = 0; run < 3000; run++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(60);
      for (int i = 0; i < length; i++) text.append(alphabet[random.nextInt(alphabet.length)]);
      int buffer = 1 + random.nextInt(20);
      int max = random.nextBoolean() ? 1 << 20 : 1 + random.nextInt(12);
      String s = text.toString();
      assertEquals(all(s, max, buffer, false), all(s, max, buffer, true),
          "text " + s.replace("\n", "\\n").replace("\r", "\\r") + ", buffer " + buffer + ", max " + max);
    }
  }
}
