package vn.hcmc.kpi.etl.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import vn.hcmc.kpi.etl.ingest.requests.RequestCsvReader;
import vn.hcmc.kpi.etl.ingest.xes.XesMapper;
import vn.hcmc.kpi.etl.ingest.xes.XesStreamReader;
import vn.hcmc.kpi.etl.model.LogColumns;
import vn.hcmc.kpi.etl.profile.InputMapping;
import vn.hcmc.kpi.etl.reference.CsvReader;

/**
 * Reads one file of the native log (CSV with a header row, or JSON Lines; either may be gzip)
 * as a stream, handing each row on as an event or a reject. Bytes that are not UTF-8 make the
 * row a BAD_ENCODING reject. A file that cannot be read at all (truncated gzip, no header)
 * throws {@link UnreadableFileException} naming the file.
 *
 * <p>Other formats go through a mapping profile ({@link InputMapping}): XES event logs
 * ({@link XesStreamReader} + {@link XesMapper}) and request-level CSV ({@link RequestCsvReader}); they
 * hand on {@link Counted} items so that rows read counts their source records.
 */
public final class LogFileReader {

  public enum Format { CSV, JSONL }

  /** What reading a file produced, by count. */
  public record Counts(long rowsRead, long accepted, long rejected) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final EventRowParser parser;
  private final InputMapping mapping;

  public LogFileReader(Clock clock) { this(clock, InputMapping.NATIVE); }

  public LogFileReader(Clock clock, InputMapping mapping) {
    this.parser = new EventRowParser(clock);
    this.mapping = mapping == null ? InputMapping.NATIVE : mapping;
  }

  public static Format formatOf(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) n = n.substring(0, n.length() - 3);
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) return Format.JSONL;
    return Format.CSV;
  }

  public static boolean isLogFile(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) n = n.substring(0, n.length() - 3);
    return n.endsWith(".csv") || n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")
        || n.endsWith(".xes");
  }

  public Counts read(String source, InputStream raw, Consumer<Object> out) {
    InputMapping.Format format = mapping.formatOf(source);
    if (format == InputMapping.Format.XES || format == InputMapping.Format.REQUESTS) {
      return readMapped(source, raw, out, format);
    }
    long[] counts = new long[3];
    try (InputStream in = source.toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
         Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
             .onMalformedInput(CodingErrorAction.REPLACE)
             .onUnmappableCharacter(CodingErrorAction.REPLACE))) {
      if (format == InputMapping.Format.JSONL) readJsonLines(source, reader, out, counts);
      else readCsv(source, reader, out, counts);
    } catch (IOException e) {
      throw new UnreadableFileException(source, e);
    }
    return new Counts(counts[0], counts[1], counts[2]);
  }

  /** XES or request-level CSV through the profile; counts are of source records (see {@link Counted}). */
  private Counts readMapped(String source, InputStream raw, Consumer<Object> out, InputMapping.Format format) {
    long[] counts = new long[3];
    Consumer<Object> counting = o -> {
      Counted c = (Counted) o;
      counts[0] += c.sourceRows();
      if (c.item() instanceof Reject) counts[2] += c.sourceRows();
      else counts[1] += c.sourceRows();
      out.accept(c);
    };
    String base = InputMapping.fileBase(source);
    if (format == InputMapping.Format.XES) {
      XesMapper mapper = new XesMapper(mapping.xesProfile(), parser, source, base);
      XesStreamReader.read(source, raw, t -> mapper.map(t, counting));
    } else {
      try (InputStream in = source.toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
           Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
               .onMalformedInput(CodingErrorAction.REPLACE)
               .onUnmappableCharacter(CodingErrorAction.REPLACE))) {
        new RequestCsvReader(mapping.profile(), parser, source, base).read(reader, counting);
      } catch (IOException e) {
        throw new UnreadableFileException(source, e);
      }
    }
    return new Counts(counts[0], counts[1], counts[2]);
  }

  private void readCsv(String source, Reader reader, Consumer<Object> out, long[] counts) throws IOException {
    CsvReader csv = new CsvReader(reader);
    CsvReader.Record header = csv.next();
    if (header == null) return; // an empty file holds no rows
    if (!header.ok()) throw new UnreadableFileException(source, "unreadable header row: " + header.error());
    String[] names = new String[header.fields().size()];
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      names[i] = header.fields().get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
      index.putIfAbsent(names[i], i);
    }
    for (String required : LogColumns.REQUIRED) {
      if (!index.containsKey(required)) {
        throw new UnreadableFileException(source, "header has no column '" + required + "' (header: "
            + String.join(",", names) + ")");
      }
    }
    CsvReader.Record rec;
    while ((rec = csv.next()) != null) {
      counts[0]++;
      if (!rec.ok()) {
        reject(out, counts, source, rec.line(), rec.raw(), RejectReason.valueOf(rec.error()),
            rec.error().equals("RECORD_TOO_LONG") ? "row longer than " + CsvReader.DEFAULT_MAX_RECORD_CHARS
                + " characters" : "a quoted field is not closed before the end of the file");
        continue;
      }
      if (rec.raw().indexOf('\uFFFD') >= 0) {
        reject(out, counts, source, rec.line(), rec.raw(), RejectReason.BAD_ENCODING, "bytes that are not UTF-8");
        continue;
      }
      List<String> f = rec.fields();
      if (f.size() != names.length) {
        reject(out, counts, source, rec.line(), rec.raw(), RejectReason.WRONG_COLUMN_COUNT,
            f.size() + " fields where the header has " + names.length);
        continue;
      }
      EventRowParser.Result r = parser.parse(col -> {
        Integer i = index.get(col);
        return i == null ? null : f.get(i);
      }, source, rec.line());
      emit(out, counts, r, source, rec.line(), rec.raw());
    }
  }

  private void readJsonLines(String source, Reader reader, Consumer<Object> out, long[] counts) throws IOException {
    BufferedReader lines = new BufferedReader(reader, 1 << 16);
    String text;
    long line = 0;
    while ((text = lines.readLine()) != null) {
      line++;
      if (line == 1 && text.startsWith("\uFEFF")) text = text.substring(1);
      if (text.isBlank()) continue;
      counts[0]++;
      if (text.indexOf('\uFFFD') >= 0) {
        reject(out, counts, source, line, text, RejectReason.BAD_ENCODING, "bytes that are not UTF-8");
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(text);
      } catch (JsonProcessingException e) {
        reject(out, counts, source, line, text, RejectReason.BAD_JSON, "not a JSON object: " + e.getOriginalMessage());
        continue;
      }
      if (node == null || !node.isObject()) {
        reject(out, counts, source, line, text, RejectReason.BAD_JSON, "not a JSON object");
        continue;
      }
      JsonNode obj = node;
      EventRowParser.Result r = parser.parse(col -> {
        JsonNode v = obj.get(col);
        return v == null || v.isNull() ? null : v.asText();
      }, source, line);
      emit(out, counts, r, source, line, text);
    }
  }

  private static void emit(Consumer<Object> out, long[] counts, EventRowParser.Result r, String source, long line,
                           String raw) {
    if (r.ok()) {
      counts[1]++;
      out.accept(r.event());
    } else {
      reject(out, counts, source, line, raw, r.reason(), r.message());
    }
  }

  private static void reject(Consumer<Object> out, long[] counts, String source, long line, String raw,
                             RejectReason reason, String message) {
    counts[2]++;
    String kept = raw.length() > 4000 ? raw.substring(0, 4000) + "…" : raw;
    out.accept(new Reject(source, line, kept, reason, message));
  }
}
