package vn.hcmc.kpi.etl.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import vn.hcmc.kpi.etl.model.LogEvent;

class LogFileReaderTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
  static final String HEADER = "event_id,dossier_id,ward_code,procedure_code,event_type,occurred_at,officer_id,step,channel,due_at,detail";

  final List<LogEvent> events = new ArrayList<>();
  final List<Reject> rejects = new ArrayList<>();

  LogFileReader.Counts read(String name, byte[] bytes) {
    return new LogFileReader(CLOCK).read(name, new ByteArrayInputStream(bytes), o -> {
      if (o instanceof LogEvent e) events.add(e); else rejects.add((Reject) o);
    });
  }

  static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

  @Test
  void everyBadRowIsRejectedWithItsLineAndReason() {
    byte[] bad = utf8("e9,D9,26782,,COMPLETED,2026-01-05T09:00:00,x,,,,caf\u00e9\n");
    byte[] invalidUtf8 = Arrays.copyOf(bad, bad.length);
    invalidUtf8[invalidUtf8.length - 3] = (byte) 0xC3; // a lead byte followed by 0xA9... made invalid below
    invalidUtf8[invalidUtf8.length - 2] = (byte) 0x28;
    String text = "\uFEFF" + HEADER + "\r\n"
        + "e1,D1,26782,2.000815,RECEIVED,2026-01-05T09:00:00+07:00,A,,COUNTER,,\r\n"       // 2 ok
        + "e2,D1,26782,,TELEPORTED,2026-01-05T09:00:00+07:00,A,,,,\r\n"                  // 3 unknown type
        + "e3,D1,26782,,COMPLETED,yesterday,A,,,,\r\n"                                      // 4 bad time
        + "e4,D1,26782,,COMPLETED,2027-01-05T09:00:00+07:00,A,,,,\r\n"                    // 5 future
        + "e5,D1,26782\r\n"                                                                  // 6 column count
        + "e6,D1,26782,,RECEIVED,2026-01-05T09:00:00+07:00,A,,FAX,,\r\n"                  // 7 channel
        + "e7,D1,,,COMPLETED,2026-01-05T09:00:00+07:00,A,,,,\r\n"                         // 8 missing ward
        + "e8,D1,26782,,COMPLETED,2026-01-05T10:00:00+07:00,A,,,,\"a quoted\nnewline\"\r\n" // 9-10 ok
        + "e10,D1,26782,,RETURNED,2026-01-06T10:00:00+07:00,A,,,,\r\n";                   // 11 ok
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(utf8(text));
    all.writeBytes(invalidUtf8);                                                            // 12 encoding
    LogFileReader.Counts c = read("f.csv", all.toByteArray());
    assertEquals(10, c.rowsRead());
    assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 8L, 12L), rejects.stream().map(Reject::line).toList());
    assertEquals(List.of(RejectReason.UNKNOWN_EVENT_TYPE, RejectReason.BAD_TIME, RejectReason.FUTURE_TIME,
        RejectReason.WRONG_COLUMN_COUNT, RejectReason.UNKNOWN_CHANNEL, RejectReason.MISSING_FIELD,
        RejectReason.BAD_ENCODING), rejects.stream().map(Reject::reason).toList());
    assertEquals(List.of(2L, 9L, 11L), events.stream().map(LogEvent::line).toList());
    assertEquals("a quoted\nnewline", events.get(1).detail());
    assertEquals("e5,D1,26782", rejects.get(3).raw());
    assertEquals(c.rowsRead(), c.accepted() + c.rejected());
  }

  @Test
  void timesWithAndWithoutOffsetsAndDateOnlyDeadlines() {
    read("t.csv", utf8(HEADER + "\n"
        + ",D1,26782,P,RECEIVED,2026-01-05T09:00:00,A,,COUNTER,2026-01-07,\n"
        + ",D1,26782,P,ASSIGNED,2026-01-05T02:00:00Z,B,,,,\n"
        + ",D1,26782,P,COMPLETED,2026-01-05 10:00:00+0700,B,,,,\n"));
    assertEquals(Instant.parse("2026-01-05T02:00:00Z"), events.get(0).occurredAt(), "no offset = +07:00");
    assertEquals(Instant.parse("2026-01-05T02:00:00Z"), events.get(1).occurredAt());
    assertEquals(Instant.parse("2026-01-05T03:00:00Z"), events.get(2).occurredAt());
    assertEquals(Instant.parse("2026-01-07T16:59:59.999999Z"), events.get(0).dueAt(), "a date alone is the whole day");
    assertTrue(events.get(0).eventId().startsWith("h:"), "ids are derived from content when absent");
  }

  @Test
  void jsonLinesGzipped() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(utf8("""
          {"dossier_id":"D1","ward_code":"26782","procedure_code":"2.000815","event_type":"RECEIVED","occurred_at":"2026-01-05T09:00:00+07:00","channel":"ONLINE"}
          not json
          {"dossier_id":"D1","ward_code":"26782","event_type":"COMPLETED","occurred_at":"2026-01-05T11:00:00+07:00","officer_id":"A"}
          """));
    }
    LogFileReader.Counts c = read("x.jsonl.gz", bytes.toByteArray());
    assertEquals(3, c.rowsRead());
    assertEquals(2, events.size());
    assertEquals(RejectReason.BAD_JSON, rejects.get(0).reason());
    assertEquals(2, rejects.get(0).line());
  }

  @Test
  void aTruncatedGzipFailsNamingTheFile() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      for (int i = 0; i < 2000; i++) gz.write(utf8(HEADER + "\n"));
    }
    byte[] cut = Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
    UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> read("week.csv.gz", cut));
    assertTrue(e.getMessage().contains("week.csv.gz"), e.getMessage());
  }

  @Test
  void aFileWithoutTheRequiredColumnsFails() {
    UnreadableFileException e = assertThrows(UnreadableFileException.class,
        () -> read("other.csv", utf8("a,b,c\n1,2,3\n")));
    assertTrue(e.getMessage().contains("other.csv") && e.getMessage().contains("dossier_id"), e.getMessage());
  }
}
