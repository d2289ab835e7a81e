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
import java.util.Iterator;
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
    try (Items items = items(source, raw)) {
      while (items.hasNext()) out.accept(items.next());
      return items.counts();
    }
  }

  /**
   * The file's rows one at a time, as events and rejects, read as they are asked for (so a big file
   * is never held in memory). Mapped formats (XES, request-level CSV) are read whole and handed out
   * as {@link Counted} items. Close it when done.
   */
  public Items items(String source, InputStream raw) {
    InputMapping.Format format = mapping.formatOf(source);
    if (format == InputMapping.Format.XES || format == InputMapping.Format.REQUESTS) {
      List<Object> all = new java.util.ArrayList<>();
      Counts c = readMapped(source, raw, all::add, format);
      return new Items(source, null) {
        final Iterator<Object> it = all.iterator();

        @Override Object advance() { return it.hasNext() ? it.next() : null; }

        @Override public Counts counts() { return c; }
      };
    }
    Reader reader = null;
    try {
      InputStream in = source.toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
      reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE));
      return format == InputMapping.Format.JSONL ? new JsonLineItems(source, reader) : new CsvItems(source, reader);
    } catch (IOException e) {
      closeQuietly(reader != null ? reader : raw);
      throw new UnreadableFileException(source, e);
    } catch (RuntimeException e) {
      closeQuietly(reader != null ? reader : raw);
      throw e;
    }
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // the error being reported matters more
    }
  }

  /** A file's items, pulled one by one; counts are final once the last item is taken. */
  public abstract static class Items implements Iterator<Object>, AutoCloseable {
    final String source;
    private final java.io.Closeable closeable;
    final long[] counts = new long[3];
    private Object next;

    Items(String source, java.io.Closeable closeable) {
      this.source = source;
      this.closeable = closeable;
    }

    /** The next item, or null at the end of the file. */
    abstract Object advance() throws IOException;

    @Override public boolean hasNext() {
      if (next == null) {
        try {
          next = advance();
        } catch (IOException e) {
          throw new UnreadableFileException(source, e);
        }
      }
      return next != null;
    }

    @Override public Object next() {
      if (!hasNext()) throw new java.util.NoSuchElementException();
      Object o = next;
      next = null;
      return o;
    }

    public Counts counts() { return new Counts(counts[0], counts[1], counts[2]); }

    @Override public void close() {
      if (closeable == null) return;
      try {
        closeable.close();
      } catch (IOException e) {
        throw new UnreadableFileException(source, e);
      }
    }

    Object emit(EventRowParser.Result r, long line, String raw) {
      if (r.ok()) {
        counts[1]++;
        return r.event();
      }
      return reject(line, raw, r.reason(), r.message());
    }

    Object reject(long line, String raw, RejectReason reason, String message) {
      counts[2]++;
      String kept = raw.length() > 4000 ? raw.substring(0, 4000) + "…" : raw;
      return new Reject(source, line, kept, reason, message);
    }
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

  /** CSV with a header row: a record at a time. */
  private final class CsvItems extends Items {
    private final CsvReader csv;
    private final String[] names;
    private final Map<String, Integer> index = new HashMap<>();

    CsvItems(String source, Reader reader) throws IOException {
      super(source, reader);
      this.csv = new CsvReader(reader);
      CsvReader.Record header = csv.next();
      if (header == null) { // an empty file holds no rows
        names = null;
        return;
      }
      if (!header.ok()) throw new UnreadableFileException(source, "unreadable header row: " + header.error());
      names = new String[header.fields().size()];
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
    }

    @Override Object advance() throws IOException {
      if (names == null) return null;
      CsvReader.Record rec = csv.next();
      if (rec == null) return null;
      counts[0]++;
      if (!rec.ok()) {
        return reject(rec.line(), rec.raw(), RejectReason.valueOf(rec.error()),
            rec.error().equals("RECORD_TOO_LONG") ? "row longer than " + CsvReader.DEFAULT_MAX_RECORD_CHARS
                + " characters" : "a quoted field is not closed before the end of the file");
      }
      if (rec.raw().indexOf('\uFFFD') >= 0) {
        return reject(rec.line(), rec.raw(), RejectReason.BAD_ENCODING, "bytes that are not UTF-8");
      }
      List<String> f = rec.fields();
      if (f.size() != names.length) {
        return reject(rec.line(), rec.raw(), RejectReason.WRONG_COLUMN_COUNT,
            f.size() + " fields where the header has " + names.length);
      }
      EventRowParser.Result r = parser.parse(col -> {
        int i = fieldOf(col);
        return i < 0 ? null : f.get(i);
      }, source, rec.line());
      return emit(r, rec.line(), rec.raw());
    }

    /** Column names the parser asked for, each the same String on every row (LogColumns' constants). */
    private final String[] asked = new String[32];
    private final int[] askedField = new int[32];
    private int askedCount;

    /**
     * The field number of a column, -1 if the header has none: found by the name's identity among those asked
     * before, else in the header's index. Why: a HashMap look-up per column and row was about 3 % of a year's
     * figures-only CPU (issue 10, session 15).
     */
    private int fieldOf(String column) {
      for (int k = 0; k < askedCount; k++) {
        if (asked[k] == column) return askedField[k];
      }
      Integer i = index.get(column);
      int field = i == null ? -1 : i;
      if (askedCount < asked.length) {
        asked[askedCount] = column;
        askedField[askedCount++] = field;
      }
      return field;
    }
  }

  /** JSON Lines: an object per line; blank lines are skipped. */
  private final class JsonLineItems extends Items {
    private final BufferedReader lines;
    private long line;

    JsonLineItems(String source, Reader reader) {
      super(source, reader);
      this.lines = new BufferedReader(reader, 1 << 16);
    }

    @Override Object advance() throws IOException {
      String text;
      while ((text = lines.readLine()) != null) {
        line++;
        if (line == 1 && text.startsWith("\uFEFF")) text = text.substring(1);
        if (!text.isBlank()) break;
      }
      if (text == null) return null;
      counts[0]++;
      if (text.indexOf('\uFFFD') >= 0) return reject(line, text, RejectReason.BAD_ENCODING, "bytes that are not UTF-8");
      JsonNode node;
      try {
        node = JSON.readTree(text);
      } catch (JsonProcessingException e) {
        return reject(line, text, RejectReason.BAD_JSON, "not a JSON object: " + e.getOriginalMessage());
      }
      if (node == null || !node.isObject()) return reject(line, text, RejectReason.BAD_JSON, "not a JSON object");
      JsonNode obj = node;
      EventRowParser.Result r = parser.parse(col -> {
        JsonNode v = obj.get(col);
        return v == null || v.isNull() ? null : v.asText();
      }, source, line);
      return emit(r, line, text);
    }
  }
}
