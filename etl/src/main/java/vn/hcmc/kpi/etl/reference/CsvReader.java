package vn.hcmc.kpi.etl.reference;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader that knows the line each record starts on.
 * Spark's own CSV source cannot say which line a bad row came from; rejects must.
 * Quoted fields may hold commas, doubled quotes and newlines; CRLF and LF both end a record.
 */
public final class CsvReader implements AutoCloseable {

  /** One record: the physical line it starts on (1-based), its raw text and its fields. */
  public record Record(long line, String raw, List<String> fields, String error) {
    public boolean ok() { return error == null; }
  }

  public static final int DEFAULT_MAX_RECORD_CHARS = 1 << 20;

  static final int BUFFER_CHARS = 1 << 16;

  private final Reader in;
  private final int maxRecordChars;
  private final boolean scanInBuffer;
  // our own buffer: BufferedReader.read() takes a lock per character, a measurable cost on big logs
  private final char[] buf;
  private int pos;
  private int lim;
  private long nextLine = 1;
  private boolean eof;
  // reused for every record: a fresh builder per record was widened from Latin-1 to UTF-16 again at the
  // first Vietnamese letter of each row (a visible share of parsing time on a year of logs)
  private final StringBuilder raw = new StringBuilder(256);
  private final StringBuilder field = new StringBuilder(64);

  public CsvReader(Reader in) { this(in, DEFAULT_MAX_RECORD_CHARS); }

  public CsvReader(Reader in, int maxRecordChars) { this(in, maxRecordChars, BUFFER_CHARS, true); }

  /** {@code scanInBuffer} false: every record a character at a time (CsvReaderTest compares the two ways). */
  CsvReader(Reader in, int maxRecordChars, int bufferChars, boolean scanInBuffer) {
    this.in = in;
    this.maxRecordChars = maxRecordChars;
    this.buf = new char[bufferChars];
    this.scanInBuffer = scanInBuffer;
  }

  /** The next record, or null at the end of input. Blank lines are skipped. */
  public Record next() throws IOException {
    while (!eof) {
      Record r = readRecord();
      if (r == null) return null;
      if (r.error != null || !(r.fields.size() == 1 && r.fields.get(0).isEmpty())) return r;
    }
    return null;
  }

  private Record readRecord() throws IOException {
    if (scanInBuffer) {
      if (pos == lim) fill();
      Record r = unquotedInBuffer();
      if (r != null) return r;
    }
    return readRecordByChar();
  }

  /**
   * The record at {@code pos} when it has no quote and its end of line is already in the buffer: fields and raw
   * text cut straight from the buffer, as {@link #readRecordByChar} would build them a character at a time. Else
   * null, with nothing consumed. Why: appending each character to two builders was most of the time spent
   * reading a year of the city's logs (issue 10, session 14).
   */
  private Record unquotedInBuffer() {
    int start = pos;
    int end = (int) Math.min(lim, (long) start + maxRecordChars); // a record of maxRecordChars or more is too long: slow path
    List<String> fields = new ArrayList<>(16);
    int fieldStart = start;
    for (int i = start; i < end; i++) {
      char ch = buf[i];
      if (ch == ',') {
        fields.add(new String(buf, fieldStart, i - fieldStart));
        fieldStart = i + 1;
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r') {
          if (i + 1 == lim) return null; // whether a \n follows is in the next buffer
          pos = buf[i + 1] == '\n' ? i + 2 : i + 1;
        } else {
          pos = i + 1;
        }
        fields.add(new String(buf, fieldStart, i - fieldStart));
        return new Record(nextLine++, new String(buf, start, i - start), fields, null);
      } else if (ch == '"') {
        return null;
      }
    }
    return null;
  }

  private Record readRecordByChar() throws IOException {
    long startLine = nextLine;
    raw.setLength(0);
    field.setLength(0);
    List<String> fields = new ArrayList<>(16);
    boolean inQuotes = false;
    boolean fieldWasQuoted = false;
    boolean any = false;
    int c;
    while ((c = read()) != -1) {
      any = true;
      if (raw.length() >= maxRecordChars) {
        skipToEndOfLine(c);
        return new Record(startLine, raw.substring(0, Math.min(raw.length(), 200)) + "…",
            List.of(), "RECORD_TOO_LONG");
      }
      char ch = (char) c;
      if (inQuotes) {
        if (ch == '"') {
          int n = peek();
          if (n == '"') { pos++; field.append('"'); raw.append("\"\""); continue; }
          inQuotes = false;
          raw.append('"');
          if (n == -1) break;
          continue;
        }
        if (ch == '\n') nextLine++;
        field.append(ch);
        raw.append(ch);
        continue;
      }
      if (ch == '"' && field.length() == 0 && !fieldWasQuoted) {
        inQuotes = true; fieldWasQuoted = true; raw.append(ch); continue;
      }
      if (ch == ',') {
        fields.add(field.toString()); field.setLength(0); fieldWasQuoted = false; raw.append(ch); continue;
      }
      if (ch == '\r') {
        if (peek() == '\n') pos++;
        nextLine++;
        fields.add(field.toString());
        return new Record(startLine, raw.toString(), fields, null);
      }
      if (ch == '\n') {
        nextLine++;
        fields.add(field.toString());
        return new Record(startLine, raw.toString(), fields, null);
      }
      field.append(ch);
      raw.append(ch);
    }
    eof = true;
    if (!any) return null;
    if (inQuotes) return new Record(startLine, raw.toString(), List.of(), "UNTERMINATED_QUOTE");
    fields.add(field.toString());
    return new Record(startLine, raw.toString(), fields, null);
  }

  private void skipToEndOfLine(int c) throws IOException {
    while (c != -1 && c != '\n') c = read();
    if (c == -1) eof = true; else nextLine++;
  }

  private int read() throws IOException {
    if (pos == lim && !fill()) return -1;
    return buf[pos++];
  }

  /** The next character without consuming it, or -1 at the end. */
  private int peek() throws IOException {
    if (pos == lim && !fill()) return -1;
    return buf[pos];
  }

  private boolean fill() throws IOException {
    int n;
    do { n = in.read(buf, 0, buf.length); } while (n == 0);
    if (n < 0) return false;
    pos = 0;
    lim = n;
    return true;
  }

  @Override public void close() throws IOException { in.close(); }
}
