package vn.hcmc.kpi.dashboard.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit's tail, read backwards: the same lines as reading the whole file, across chunk boundaries. */
class TailLinesTests {

  @Test
  void lastLinesNewestFirstAcrossChunksWithBlankLinesAndUnicode(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("audit.jsonl");
    List<String> written = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      String line = "{\"n\":" + i + ",\"sql\":\"SELECT 'Tân Thới Hiệp' -- " + "x".repeat(i % 97) + "\"}";
      written.add(line);
      text.append(line).append(i % 10 == 0 ? "\n\n" : "\n");
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
    assertThat(Files.size(file)).isGreaterThan(3L * TailLines.CHUNK);
    List<String> newestFirst = new ArrayList<>(written);
    Collections.reverse(newestFirst);
    assertThat(TailLines.last(file, 3)).containsExactlyElementsOf(newestFirst.subList(0, 3));
    assertThat(TailLines.last(file, 2000)).containsExactlyElementsOf(newestFirst.subList(0, 2000));
    assertThat(TailLines.last(file, 10_000)).containsExactlyElementsOf(newestFirst);
  }

  @Test
  void aFileWithoutFinalNewlineOrEmpty(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("a.jsonl");
    Files.writeString(file, "one\ntwo\nthree", StandardCharsets.UTF_8);
    assertThat(TailLines.last(file, 10)).containsExactly("three", "two", "one");
    Files.writeString(file, "", StandardCharsets.UTF_8);
    assertThat(TailLines.last(file, 10)).isEmpty();
  }
}
