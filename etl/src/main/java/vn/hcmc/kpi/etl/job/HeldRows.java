package vn.hcmc.kpi.etl.job;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import vn.hcmc.kpi.etl.model.LogEvent;

/**
 * One fold partition's event rows, held until the partition has been read so that each dossier's rows
 * come together: the {@link EventCodec} payloads are copied into a few large pages and each dossier's rows
 * are chained by index, so a held row is no Java object of its own. Why: held as row objects (about
 * 570,000 per partition on a year of the city), they outlived young collections and were copied and
 * promoted; the fold stage spent 34 of its 117 task seconds in the garbage collector (issue 10, session 6).
 *
 * <p>{@link #byDossier()} gives the dossiers in the order of their ids, each with its rows in the order
 * they were added: the order a stable sort of the rows by dossier id gives.
 */
final class HeldRows {
  static final int PAGE_BYTES = 4 << 20;

  private final List<byte[]> pages = new ArrayList<>();
  private byte[] page = new byte[0];
  private int used;
  /** Per row: its page (high 32 bits) and offset in it (low 32 bits). */
  private long[] at = new long[1024];
  /** Per row: the dossier's row added before it, or -1. */
  private int[] previous = new int[1024];
  private int rows;
  private final Map<String, Integer> lastRowOf = new HashMap<>();

  void add(String dossierId, byte[] payload) {
    if (payload.length > page.length - used) {
      page = new byte[Math.max(PAGE_BYTES, payload.length)];
      pages.add(page);
      used = 0;
    }
    System.arraycopy(payload, 0, page, used, payload.length);
    if (rows == at.length) {
      at = Arrays.copyOf(at, rows * 2);
      previous = Arrays.copyOf(previous, rows * 2);
    }
    at[rows] = ((long) (pages.size() - 1) << 32) | used;
    used += payload.length;
    Integer before = lastRowOf.put(dossierId, rows);
    previous[rows] = before == null ? -1 : before;
    rows++;
  }

  int size() { return rows; }

  /** Each dossier's events, dossiers in id order, events in the order they were added. */
  Iterator<List<LogEvent>> byDossier() { return byDossier(true); }

  /**
   * {@link #byDossier()}, the dossiers in id order or, when {@code inIdOrder} is false, in no particular order: for
   * a use whose result does not depend on the order (the figures-only run's sums), which then saves sorting
   * some 100,000 ids per partition.
   */
  Iterator<List<LogEvent>> byDossier(boolean inIdOrder) {
    String[] ids = lastRowOf.keySet().toArray(new String[0]);
    if (inIdOrder) Arrays.sort(ids);
    return new Iterator<>() {
      private int next;
      private int[] chain = new int[16];

      @Override public boolean hasNext() { return next < ids.length; }

      @Override public List<LogEvent> next() {
        if (!hasNext()) throw new NoSuchElementException();
        int n = 0;
        for (int row = lastRowOf.get(ids[next++]); row >= 0; row = previous[row]) {
          if (n == chain.length) chain = Arrays.copyOf(chain, n * 2);
          chain[n++] = row;
        }
        List<LogEvent> group = new ArrayList<>(n);
        for (int i = n - 1; i >= 0; i--) {
          long where = at[chain[i]];
          group.add(EventCodec.decode(pages.get((int) (where >>> 32)), (int) where));
        }
        return group;
      }
    };
  }
}
