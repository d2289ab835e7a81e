package vn.hcmc.kpi.etl.job;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import vn.hcmc.kpi.etl.dossier.FoldResult;
import vn.hcmc.kpi.etl.dossier.OfficerFact;
import vn.hcmc.kpi.etl.dossier.WeekFact;
import vn.hcmc.kpi.etl.dossier.Weeks;

/**
 * A dossier's weekly contributions (its {@link WeekFact} and {@link OfficerFact} rows) as the figures-only run
 * sends them from the fold to the weekly sums: the figures as plain varints in {@link WeeklyFigures}' column
 * order, no tag per value, no boxed values on either side. Why: through {@link FoldCodec}'s general rows (a tag
 * and a boxed value for each of some 90 values per dossier, a Row per row to sum) the encoding and the sums were
 * about a fifth of the figures-only run's CPU on a year of the city (issue 10, session 15). Full runs keep
 * FoldCodec: their fold output also feeds the per-dossier tables and the incremental state.
 *
 * <p>Layout: the strings (count, then each as length and UTF-8 bytes; the first is the ward code of the first
 * row, weeks before officers), the WEEKS rows (count; per row ward and procedure as string numbers, the week's
 * epoch day, the {@link #OUTCOMES} figures, the resolution days or none), then the OFFICERS rows (count; per row
 * ward and officer as string numbers, the epoch day, the {@link #OFFICER_FIGURES} figures, the task hours or none).
 */
final class WeeklyCodec {
  private WeeklyCodec() {}

  /** The figures of a WEEKS row, in WeeklyFigures.OUTCOME_SUMS order. */
  static final int OUTCOMES = 19;
  /** The figures of an OFFICERS row, in WeeklyFigures.OFFICER_SUMS order. */
  static final int OFFICER_FIGURES = 8;

  static byte[] encode(FoldResult r) {
    FoldCodec.Out out = new FoldCodec.Out();
    String[] strings = new String[8];
    int[] count = {0};
    // the strings first: the first row's ward leads, so wardHash reads it without decoding the rows
    for (WeekFact w : r.weeks()) {
      strings = intern(w.wardCode(), strings, count);
      strings = intern(w.procedureCode(), strings, count);
    }
    for (OfficerFact o : r.officers()) {
      strings = intern(o.wardCode(), strings, count);
      strings = intern(o.officerId(), strings, count);
    }
    out.varint(count[0]);
    for (int i = 0; i < count[0]; i++) {
      byte[] bytes = strings[i] == null ? null : strings[i].getBytes(StandardCharsets.UTF_8);
      // a null string as length 0 with a marker: n + 1, so 0 is null
      out.varint(bytes == null ? 0 : bytes.length + 1L);
      if (bytes != null) {
        out.ensure(bytes.length);
        System.arraycopy(bytes, 0, out.buf, out.size, bytes.length);
        out.size += bytes.length;
      }
    }
    out.varint(r.weeks().size());
    for (WeekFact w : r.weeks()) {
      out.varint(indexOf(w.wardCode(), strings, count[0]));
      out.varint(indexOf(w.procedureCode(), strings, count[0]));
      out.zigzag(w.weekStart().toEpochDay());
      out.ensure(OUTCOMES * 5);
      int[] v = {w.received(), w.receivedOnline(), w.receivedCounter(), w.receivedPost(),
          w.receivedWithIntegrationError(), w.resolved(), w.early(), w.onTime(), w.late(), w.withdrawn(), w.rejected(),
          w.noDeadline(), w.openEnd(), w.openOverdueEnd(), w.resolvedWithSupplement(), w.integrationErrors(),
          w.apologies(), w.officerEvents(), w.afterHoursEvents()};
      for (int x : v) out.zigzag(x);
      if (w.resolutionDays() == null) out.put(0);
      else { out.put(1); out.zigzag(w.resolutionDays()); }
    }
    out.varint(r.officers().size());
    for (OfficerFact o : r.officers()) {
      out.varint(indexOf(o.wardCode(), strings, count[0]));
      out.varint(indexOf(o.officerId(), strings, count[0]));
      out.zigzag(o.weekStart().toEpochDay());
      int[] v = {o.tasksStarted(), o.tasksCompleted(), o.openTasksEnd(), o.overdueHeldEnd(), o.lateAttributed(),
          o.supplementsRequested(), o.events(), o.afterHoursEvents()};
      for (int x : v) out.zigzag(x);
      if (o.completedTaskHours() == null) out.put(0);
      else {
        out.put(1);
        long bits = Double.doubleToRawLongBits(o.completedTaskHours());
        out.ensure(8);
        for (int k = 56; k >= 0; k -= 8) out.buf[out.size++] = (byte) (bits >>> k);
      }
    }
    return Arrays.copyOf(out.buf, out.size);
  }

  private static String[] intern(String s, String[] strings, int[] count) {
    if (indexOf(s, strings, count[0]) >= 0) return strings;
    String[] into = count[0] < strings.length ? strings : Arrays.copyOf(strings, strings.length * 2);
    into[count[0]++] = s;
    return into;
  }

  /** A dossier names one ward, one procedure and a few officers: a look along a short table, no hashing. */
  private static int indexOf(String s, String[] strings, int count) {
    for (int i = 0; i < count; i++) {
      if (s == null ? strings[i] == null : s.equals(strings[i])) return i;
    }
    return -1;
  }

  /** Whether the dossier contributes to any weekly table. */
  static boolean hasRows(byte[] b) {
    FoldCodec.In in = new FoldCodec.In(b, 0);
    skipStrings(in);
    return in.varint() > 0 || in.varint() > 0; // WEEKS rows, else OFFICERS rows
  }

  /** A hash of the ward code of the dossier's first row (0 when it has none or the code is null). */
  static int wardHash(byte[] b) {
    FoldCodec.In in = new FoldCodec.In(b, 0);
    if (in.varint() == 0) return 0;
    int n = (int) in.varint() - 1;
    int h = 1;
    for (int i = in.pos; i < in.pos + n; i++) h = 31 * h + in.buf[i];
    return n < 0 ? 0 : h;
  }

  private static void skipStrings(FoldCodec.In in) {
    for (long k = in.varint(); k > 0; k--) {
      int n = (int) in.varint() - 1;
      if (n > 0) in.pos += n;
    }
  }

  /** Where a dossier's decoded rows go: the weekly sums ({@link WeeklyFigures.Partial}), or a test. */
  interface Sink {
    void week(String ward, String procedure, long epochDay, int[] outcomes, Integer resolutionDays);

    void officer(String ward, String officer, long epochDay, int[] figures, Double taskHours);
  }

  /** Each of the dossier's rows, in order, to {@code to}; the arrays are reused from row to row. */
  static void decode(byte[] b, Sink to) {
    FoldCodec.In in = new FoldCodec.In(b, 0);
    String[] strings = new String[(int) in.varint()];
    for (int i = 0; i < strings.length; i++) {
      int n = (int) in.varint() - 1;
      if (n >= 0) {
        strings[i] = new String(b, in.pos, n, StandardCharsets.UTF_8);
        in.pos += n;
      }
    }
    int[] outcomes = new int[OUTCOMES];
    for (long k = in.varint(); k > 0; k--) {
      String ward = strings[(int) in.varint()];
      String procedure = strings[(int) in.varint()];
      long day = in.zigzag();
      for (int i = 0; i < OUTCOMES; i++) outcomes[i] = (int) in.zigzag();
      Integer days = b[in.pos++] == 0 ? null : (int) in.zigzag();
      to.week(ward, procedure, day, outcomes, days);
    }
    int[] figures = new int[OFFICER_FIGURES];
    for (long k = in.varint(); k > 0; k--) {
      String ward = strings[(int) in.varint()];
      String officer = strings[(int) in.varint()];
      long day = in.zigzag();
      for (int i = 0; i < OFFICER_FIGURES; i++) figures[i] = (int) in.zigzag();
      Double hours = null;
      if (b[in.pos++] != 0) {
        long bits = 0;
        for (int i = 0; i < 8; i++) bits = bits << 8 | (b[in.pos++] & 0xFF);
        hours = Double.longBitsToDouble(bits);
      }
      to.officer(ward, officer, day, figures, hours);
    }
  }

  /** The rows as WeekFacts and OfficerFacts again (tests). */
  static FoldResult decoded(byte[] b) {
    List<WeekFact> weeks = new java.util.ArrayList<>();
    List<OfficerFact> officers = new java.util.ArrayList<>();
    decode(b, new Sink() {
      @Override public void week(String ward, String procedure, long day, int[] v, Integer days) {
        weeks.add(new WeekFact(ward, procedure, Weeks.ofEpochDay(day), v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7],
            v[8], v[9], v[10], v[11], v[12], v[13], days, v[14], v[15], v[16], v[17], v[18]));
      }

      @Override public void officer(String ward, String officer, long day, int[] v, Double hours) {
        officers.add(new OfficerFact(ward, officer, Weeks.ofEpochDay(day), v[0], v[1], hours, v[2], v[3], v[4], v[5],
            v[6], v[7]));
      }
    });
    return new FoldResult(null, List.of(), List.of(), List.of(), List.of(), List.of(), weeks, officers, 0);
  }
}
