package vn.hcmc.kpi.dashboard.sql;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the console learnt about a query text on one published version (the guard's verdict, a
 * deterministic query's result), keyed by the exact text: bounded, least recently used out first,
 * long texts never kept. It lives and dies with the version's console database.
 */
final class KeptByText<V> {
  static final int MAX_SQL_CHARS = 8_192;

  private final Map<String, V> kept;
  private final int maxEntries;

  KeptByText(int maxEntries) {
    this.maxEntries = maxEntries;
    this.kept = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > KeptByText.this.maxEntries;
      }
    };
  }

  /** What is kept for exactly this text, or null. */
  synchronized V get(String sql) {
    return kept.get(sql);
  }

  synchronized void put(String sql, V value) {
    if (sql.length() <= MAX_SQL_CHARS) {
      kept.put(sql, value);
    }
  }

  synchronized int size() {
    return kept.size();
  }
}
