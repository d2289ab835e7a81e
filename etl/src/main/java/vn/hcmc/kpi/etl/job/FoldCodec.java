package vn.hcmc.kpi.etl.job;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import vn.hcmc.kpi.etl.dossier.FoldResult;
import vn.hcmc.kpi.etl.ingest.Reject;

/**
 * One dossier's fold output as compact bytes: the job caches a single binary column and each table
 * decodes only its own section. Why: caching the nested fold rows cost about a third of the job's CPU
 * (Spark's generic nested-row serializer plus its columnar cache builder); flat rows per table are cheap.
 *
 * <p>Layout: duplicates (varint), then per {@link Section} in order: its byte length (int), its row
 * count (varint) and its rows. A value is a tag byte and a payload; strings repeated inside a section
 * (dossier id, ward code, source file…) are written once and then referred to by index.
 */
final class FoldCodec {
  private FoldCodec() {}

  /** The fold's outputs, each one table's rows. */
  enum Section {
    FACTS(Rows.DOSSIER), EVENTS(Rows.EVENT), TASKS(Rows.TASK), PAUSES(Rows.PAUSE), ANOMALIES(Rows.ANOMALY),
    WEEKS(Rows.WEEK_FACT), OFFICERS(Rows.OFFICER_FACT),
    /** Not a table: which events had no procedure code in the log (their EVENTS rows show the dossier's). */
    INHERITED(Rows.INHERITED),
    /** A log row that was refused: an entry holding one reject and nothing else (see {@link #encodeReject}). */
    REJECTS(Rows.REJECT);

    final StructType schema;

    Section(StructType schema) { this.schema = schema; }
  }

  static final byte NULL = 0, STRING = 1, STRING_REF = 2, INT = 3, LONG = 4, DOUBLE = 5, TRUE = 6,
      FALSE = 7, INSTANT = 8, DATE = 9;

  /**
   * A dossier's fold output from its sections' rows ({@link Rows#values}): the definition of the layout. The job
   * writes the same bytes through {@link FoldEncoder}, which FoldEncoderTest holds to this.
   */
  static byte[] encode(FoldResult r) {
    Out out = new Out();
    out.varint(r.duplicates());
    Map<String, Integer> strings = new HashMap<>();
    for (Section s : Section.values()) {
      List<Object[]> rows = Rows.values(r, s);
      int lengthAt = out.reserveInt();
      out.varint(rows.size());
      strings.clear(); // references never cross sections: each section is decoded on its own
      for (Object[] row : rows) {
        if (row.length != s.schema.size()) {
          throw new IllegalStateException(s + " row has " + row.length + " values, schema " + s.schema.size());
        }
        for (Object v : row) out.value(v, strings);
      }
      out.patchInt(lengthAt, out.size - lengthAt - 4);
    }
    return Arrays.copyOf(out.buf, out.size);
  }

  /** An entry for one refused row: every section empty but REJECTS; no facts, no duplicates. */
  static byte[] encodeReject(Reject r) {
    Out out = new Out();
    out.varint(0);
    for (Section s : Section.values()) {
      int lengthAt = out.reserveInt();
      if (s == Section.REJECTS) {
        out.varint(1);
        for (Object v : Rows.rejectValues(r)) out.value(v, null);
      } else {
        out.varint(0);
      }
      out.patchInt(lengthAt, out.size - lengthAt - 4);
    }
    return Arrays.copyOf(out.buf, out.size);
  }

  /** Whether the entry is a refused row's (see {@link #encodeReject}), not a dossier's. */
  static boolean isReject(byte[] b) { return rowCount(b, Section.REJECTS) > 0; }

  static int duplicates(byte[] b) { return (int) new In(b, 0).varint(); }

  /** Whether the dossier has facts (a dossier row): false when it had no RECEIVED event. */
  static boolean hasFacts(byte[] b) { return rowCount(b, Section.FACTS) > 0; }

  static int rowCount(byte[] b, Section s) { return (int) in(b, s).varint(); }

  /** The section's rows, decoded lazily. */
  static Iterator<Row> rows(byte[] b, Section s) {
    List<String> strings = new ArrayList<>();
    return decoded(b, s, in -> in.value(strings), RowFactory::create);
  }

  /**
   * The section's rows as Spark's internal rows, what {@code createDataFrame} makes of {@link #rows}: strings
   * as UTF-8 views of the fold bytes, times as microseconds, dates as days. Why: building the Java values
   * and then converting each row cost 13 weeks of the city 264 against 248 CPU-s (issue 10, session 6).
   */
  static Iterator<InternalRow> internalRows(byte[] b, Section s) {
    List<UTF8String> strings = new ArrayList<>();
    return decoded(b, s, in -> in.internalValue(strings), GenericInternalRow::new);
  }

  /**
   * {@link #internalRows} with one more column at the end: the {@link OrderKey} of the row's ward code and time at
   * these columns.
   */
  static Iterator<InternalRow> internalRowsWithOrder(byte[] b, Section s, OrderKey order, int wardColumn,
                                                     int timeColumn) {
    List<UTF8String> strings = new ArrayList<>();
    int last = s.schema.size();
    return decoded(b, s, in -> in.internalValue(strings), values -> {
      GenericInternalRow row = new GenericInternalRow(values);
      values[last] = order.of(row, wardColumn, timeColumn);
      return row;
    }, 1);
  }

  /** The ward codes of the dossier's events (null left out), added to {@code into}. */
  static void eventWards(byte[] b, java.util.Set<String> into) {
    int[] previous = {-1, 0}; // a dossier's events mostly name one ward: a string only where it changes
    scanEvents(b, (bytes, wardAt, wardLength, typeAt, typeLength, seconds, nanos, week) -> {
      if (wardAt < 0 || previous[0] >= 0 && Arrays.equals(bytes, wardAt, wardAt + wardLength, bytes, previous[0],
          previous[0] + previous[1])) {
        return;
      }
      previous[0] = wardAt;
      previous[1] = wardLength;
      into.add(new String(bytes, wardAt, wardLength, StandardCharsets.UTF_8));
    });
  }

  private static <R> Iterator<R> decoded(byte[] b, Section s, Function<In, Object> value, Function<Object[], R> row) {
    return decoded(b, s, value, row, 0);
  }

  /** The section's rows, each with {@code extra} empty values after the section's columns. */
  private static <R> Iterator<R> decoded(byte[] b, Section s, Function<In, Object> value, Function<Object[], R> row,
                                         int extra) {
    In in = in(b, s);
    int count = (int) in.varint();
    int width = s.schema.size();
    return new Iterator<>() {
      int left = count;

      @Override public boolean hasNext() { return left > 0; }

      @Override public R next() {
        if (left-- <= 0) throw new NoSuchElementException();
        Object[] values = new Object[width + extra];
        for (int i = 0; i < width; i++) values[i] = value.apply(in);
        return row.apply(values);
      }
    };
  }

  /**
   * The occurred_at, week_start and event_type of the dossier's last event (the latest; on a tie, the later in
   * the section), or null when it has none. Scans the EVENTS section without building rows or strings other
   * than the event types, for {@link Segments#of}, which runs over every dossier twice per run.
   */
  static Object[] lastEvent(byte[] b) {
    long[] best = {Long.MIN_VALUE, 0, 0, -1, 0}; // seconds, nanos, week, type at, type length
    boolean[] any = {false};
    scanEvents(b, (bytes, wardAt, wardLength, typeAt, typeLength, seconds, nanos, week) -> {
      any[0] = true;
      if (seconds > best[0] || seconds == best[0] && nanos >= best[1]) {
        best[0] = seconds;
        best[1] = nanos;
        best[2] = week;
        best[3] = typeAt;
        best[4] = typeLength;
      }
    });
    if (!any[0]) return null;
    String type = best[3] < 0 ? null : new String(b, (int) best[3], (int) best[4], StandardCharsets.UTF_8);
    return new Object[] {Instant.ofEpochSecond(best[0], best[1]), LocalDate.ofEpochDay(best[2]), type};
  }

  /** What {@link #scanEvents} reports per event: byte ranges of the fold bytes for strings, no objects built. */
  interface EventScan {
    /**
     * @param wardAt where the ward code's UTF-8 bytes start (-1 when null); typeAt the event type's
     * @param seconds the event time (occurred_at) since the epoch, Long.MIN_VALUE when null; nanos its nanoseconds
     * @param weekStart the event's week_start as days since the epoch
     */
    void event(byte[] b, int wardAt, int wardLength, int typeAt, int typeLength, long seconds, int nanos,
               long weekStart);
  }

  /** Calls {@code scan} for each event of the dossier, in section order, building no row. */
  static void scanEvents(byte[] b, EventScan scan) {
    In in = in(b, Section.EVENTS);
    int count = (int) in.varint();
    int width = Section.EVENTS.schema.size();
    int[] starts = new int[16];
    int[] lengths = new int[16];
    int strings = 0;
    for (int row = 0; row < count; row++) {
      long seconds = Long.MIN_VALUE, week = 0;
      int nanos = 0;
      int ward = -1, type = -1;
      for (int col = 0; col < width; col++) {
        byte tag = in.buf[in.pos++];
        switch (tag) {
          case NULL, TRUE, FALSE -> { }
          case STRING -> {
            int n = (int) in.varint();
            if (strings == starts.length) {
              starts = Arrays.copyOf(starts, strings * 2);
              lengths = Arrays.copyOf(lengths, strings * 2);
            }
            starts[strings] = in.pos;
            lengths[strings] = n;
            if (col == EVENT_TYPE) type = strings;
            if (col == WARD_CODE) ward = strings;
            strings++;
            in.pos += n;
          }
          case STRING_REF -> {
            int ref = (int) in.varint();
            if (col == EVENT_TYPE) type = ref;
            if (col == WARD_CODE) ward = ref;
          }
          case INT, LONG -> in.varint();
          case DOUBLE -> in.pos += 8;
          case INSTANT -> {
            long sec = in.zigzag();
            int nano = (int) in.varint();
            if (col == OCCURRED_AT) { seconds = sec; nanos = nano; }
          }
          case DATE -> {
            long day = in.zigzag();
            if (col == WEEK_START) week = day;
          }
          default -> throw new IllegalStateException("corrupt fold bytes: tag " + tag + " at " + (in.pos - 1));
        }
      }
      scan.event(b, ward < 0 ? -1 : starts[ward], ward < 0 ? 0 : lengths[ward], type < 0 ? -1 : starts[type],
          type < 0 ? 0 : lengths[type], seconds, nanos, week);
    }
  }

  /** The dossier id of the first event (every dossier has one), decoding only the values up to it. */
  static String dossierId(byte[] b) {
    In in = in(b, Section.EVENTS);
    if (in.varint() == 0) throw new IllegalStateException("fold output without events");
    List<String> strings = new ArrayList<>(2);
    Object id = null;
    for (int col = 0; col <= DOSSIER_ID; col++) id = in.value(strings);
    return (String) id;
  }

  private static final int DOSSIER_ID = Rows.EVENT.fieldIndex("dossier_id");
  private static final int EVENT_TYPE = Rows.EVENT.fieldIndex("event_type");
  private static final int WARD_CODE = Rows.EVENT.fieldIndex("ward_code");
  private static final int OCCURRED_AT = Rows.EVENT.fieldIndex("occurred_at");
  private static final int WEEK_START = Rows.EVENT.fieldIndex("week_start");

  /**
   * The encoded WEEKS and OFFICERS sections (adjacent in the layout): what the dossier contributes to the
   * weekly tables. Each section has its own string table, so equal bytes mean equal rows in the same order.
   */
  static byte[] weeklyContributions(byte[] b) {
    int from = in(b, Section.WEEKS).pos - 4;
    In officers = in(b, Section.OFFICERS);
    int to = officers.pos + officers.int32At(officers.pos - 4);
    return Arrays.copyOfRange(b, from, to);
  }

  /** A reader positioned at the section's row count. */
  private static In in(byte[] b, Section s) {
    In in = new In(b, 0);
    in.varint();
    for (Section each : Section.values()) {
      int length = in.int32();
      if (each == s) return in;
      in.pos += length;
    }
    throw new IllegalArgumentException("no section " + s);
  }

  /** A growable buffer; not ByteArrayOutputStream, whose methods are synchronized. */
  static final class Out {
    byte[] buf = new byte[512];
    int size;

    void ensure(int n) {
      if (size + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
    }

    void put(int b) { ensure(1); buf[size++] = (byte) b; }

    int reserveInt() { ensure(4); size += 4; return size - 4; }

    void patchInt(int at, int v) {
      buf[at] = (byte) (v >>> 24); buf[at + 1] = (byte) (v >>> 16); buf[at + 2] = (byte) (v >>> 8); buf[at + 3] = (byte) v;
    }

    void varint(long v) {
      ensure(10);
      byte[] b = buf; // the fields read once (the code the session-16 measurements ran; no gain of its own measured)
      int at = size;
      while ((v & ~0x7FL) != 0) { b[at++] = (byte) ((v & 0x7F) | 0x80); v >>>= 7; }
      b[at++] = (byte) v;
      size = at;
    }

    void zigzag(long v) { varint((v << 1) ^ (v >> 63)); }

    /** A STRING value: its UTF-8 length and bytes. */
    void utf8(String s) {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      put(STRING); varint(bytes.length); ensure(bytes.length);
      System.arraycopy(bytes, 0, buf, size, bytes.length);
      size += bytes.length;
    }

    void value(Object v, Map<String, Integer> strings) {
      if (v == null) { put(NULL); return; }
      if (v instanceof String s) {
        if (strings != null) {
          Integer ref = strings.get(s);
          if (ref != null) { put(STRING_REF); varint(ref); return; }
          strings.put(s, strings.size());
        }
        utf8(s);
      } else if (v instanceof Integer i) { put(INT); zigzag(i); }
      else if (v instanceof Long l) { put(LONG); zigzag(l); }
      else if (v instanceof Double d) {
        put(DOUBLE); long bits = Double.doubleToRawLongBits(d); ensure(8);
        for (int k = 56; k >= 0; k -= 8) buf[size++] = (byte) (bits >>> k);
      } else if (v instanceof Boolean b) put(b ? TRUE : FALSE);
      else if (v instanceof Instant t) { put(INSTANT); zigzag(t.getEpochSecond()); varint(t.getNano()); }
      else if (v instanceof LocalDate d) { put(DATE); zigzag(d.toEpochDay()); }
      else throw new IllegalArgumentException("cannot encode a " + v.getClass().getName());
    }
  }

  static final class In {
    final byte[] buf;
    int pos;

    In(byte[] buf, int pos) { this.buf = buf; this.pos = pos; }

    int int32At(int at) {
      return (buf[at] & 0xFF) << 24 | (buf[at + 1] & 0xFF) << 16 | (buf[at + 2] & 0xFF) << 8 | buf[at + 3] & 0xFF;
    }

    int int32() {
      int v = int32At(pos);
      pos += 4;
      return v;
    }

    long varint() {
      long v = 0;
      for (int shift = 0; ; shift += 7) {
        byte b = buf[pos++];
        v |= (long) (b & 0x7F) << shift;
        if (b >= 0) return v;
      }
    }

    long zigzag() { long v = varint(); return (v >>> 1) ^ -(v & 1); }

    Object value(List<String> strings) {
      byte tag = buf[pos++];
      switch (tag) {
        case NULL: return null;
        case STRING: {
          int n = (int) varint();
          String s = new String(buf, pos, n, StandardCharsets.UTF_8);
          pos += n;
          if (strings != null) strings.add(s);
          return s;
        }
        case STRING_REF: return strings.get((int) varint());
        case INT: return (int) zigzag();
        case LONG: return zigzag();
        case DOUBLE: {
          long bits = 0;
          for (int k = 0; k < 8; k++) bits = bits << 8 | (buf[pos++] & 0xFF);
          return Double.longBitsToDouble(bits);
        }
        case TRUE: return Boolean.TRUE;
        case FALSE: return Boolean.FALSE;
        case INSTANT: { long s = zigzag(); return Instant.ofEpochSecond(s, varint()); }
        case DATE: return LocalDate.ofEpochDay(zigzag());
        default: throw new IllegalStateException("corrupt fold bytes: tag " + tag + " at " + (pos - 1));
      }
    }

    /** {@link #value} as Spark holds it inside a row (DateTimeUtils.instantToMicros for times). */
    Object internalValue(List<UTF8String> strings) {
      byte tag = buf[pos];
      switch (tag) {
        case STRING: {
          pos++;
          int n = (int) varint();
          UTF8String s = UTF8String.fromBytes(buf, pos, n);
          pos += n;
          strings.add(s);
          return s;
        }
        case STRING_REF: pos++; return strings.get((int) varint());
        case INSTANT: {
          pos++;
          long seconds = zigzag();
          return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), varint() / 1_000);
        }
        case DATE: pos++; return Math.toIntExact(zigzag());
        default: return value(null);
      }
    }
  }
}
