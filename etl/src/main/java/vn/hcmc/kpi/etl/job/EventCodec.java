package vn.hcmc.kpi.etl.job;

import java.time.Instant;
import java.util.Arrays;
import vn.hcmc.kpi.etl.ingest.Reject;
import vn.hcmc.kpi.etl.model.Channel;
import vn.hcmc.kpi.etl.model.EventType;
import vn.hcmc.kpi.etl.model.LogEvent;

/**
 * What the ingest hands to the shuffle by dossier: one read row as compact bytes, either an accepted
 * event (tag {@code E}, decoded again for the fold) or a reject (tag {@code R}, already the fold
 * output entry {@link FoldCodec#encodeReject} that the fold passes through). Why bytes: a 2-column
 * (key, payload) row costs Spark's encoder and shuffle far less than the 17 typed columns did.
 */
final class EventCodec {
  private EventCodec() {}

  static final byte EVENT = 'E', REJECT = 'R';

  private static final EventType[] TYPES = EventType.values();
  private static final Channel[] CHANNELS = Channel.values();

  static byte[] encode(LogEvent e) {
    FoldCodec.Out out = new FoldCodec.Out();
    out.put(EVENT);
    out.value(e.eventId(), null);
    out.value(e.dossierId(), null);
    out.value(e.wardCode(), null);
    out.value(e.procedureCode(), null);
    out.varint(e.type().ordinal());
    out.value(e.occurredAt(), null);
    out.value(e.officerId(), null);
    out.value(e.step(), null);
    out.varint(e.channel() == null ? 0 : e.channel().ordinal() + 1);
    out.value(e.dueAt(), null);
    out.value(e.detail(), null);
    out.value(e.source(), null);
    out.zigzag(e.line());
    return Arrays.copyOf(out.buf, out.size);
  }

  static byte[] encode(Reject r) {
    byte[] entry = FoldCodec.encodeReject(r);
    byte[] tagged = new byte[entry.length + 1];
    tagged[0] = REJECT;
    System.arraycopy(entry, 0, tagged, 1, entry.length);
    return tagged;
  }

  /** The row the shuffle by dossier carries for an event: (dossier id, its bytes), schema {@link KpiJob#KEYED}. */
  static org.apache.spark.sql.Row keyed(LogEvent e) {
    return org.apache.spark.sql.RowFactory.create(e.dossierId(), encode(e));
  }

  static boolean isReject(byte[] b) { return b[0] == REJECT; }

  /** The fold output entry of a reject payload. */
  static byte[] rejectEntry(byte[] b) { return Arrays.copyOfRange(b, 1, b.length); }

  static LogEvent decode(byte[] b) { return decode(b, 0); }

  /** The event whose payload starts at {@code at} in {@code b} (a page of {@link HeldRows}). */
  static LogEvent decode(byte[] b, int at) {
    if (b[at] != EVENT) throw new IllegalArgumentException("not an event payload: tag " + b[at]);
    FoldCodec.In in = new FoldCodec.In(b, at + 1);
    String eventId = (String) in.value(null);
    String dossierId = (String) in.value(null);
    String ward = (String) in.value(null);
    String procedure = (String) in.value(null);
    EventType type = TYPES[(int) in.varint()];
    Instant occurred = (Instant) in.value(null);
    String officer = (String) in.value(null);
    String step = (String) in.value(null);
    int channel = (int) in.varint();
    Instant due = (Instant) in.value(null);
    String detail = (String) in.value(null);
    String source = (String) in.value(null);
    long line = in.zigzag();
    return new LogEvent(eventId, dossierId, ward, procedure, type, occurred, officer, step,
        channel == 0 ? null : CHANNELS[channel - 1], due, detail, source, line);
  }
}
