package vn.hcmc.kpi.dashboard.warehouse;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.regex.Pattern;

import vn.hcmc.kpi.dashboard.warehouse.WarehouseUnavailableException.Reason;

/**
 * The published warehouse (see docs/warehouse.md): {@code ROOT/CURRENT} names the published version,
 * whose tables ({@code ROOT/versions/<id>/<table>/*.parquet}) are opened as DuckDB views of the same
 * names, with the session time zone Asia/Ho_Chi_Minh.
 *
 * <p>Picks up a newly published version without restart: at most every {@code checkInterval} a
 * reader re-reads {@code CURRENT}; when it names another version, that version is opened (views and
 * all) while readers keep using the old one, then swapped in atomically. The old version's database
 * is closed when its last reader is done (reference counting, see {@link PublishedVersion}). If the
 * new version cannot be opened the old one stays in service.
 *
 * <p>Each query runs on its own connection ({@code DuckDBConnection.duplicate()}). Use
 * {@link #read(Function)} to run several queries against one consistent version. Plain Java: also used
 * by the {@code sql} command without Spring.
 */
public final class Warehouse implements AutoCloseable {

  public static final String CURRENT_FILE = "CURRENT";

  private static final Pattern VERSION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final System.Logger LOG = System.getLogger(Warehouse.class.getName());

  private final Path root;
  private final long checkIntervalNanos;
  private final long inMemoryBytes;
  private final ReentrantLock refreshing = new ReentrantLock();
  private volatile PublishedVersion current;
  private volatile long lastCheckNanos;
  private volatile boolean closed;

  public Warehouse(Path root) {
    this(root, Duration.ofSeconds(1));
  }

  public Warehouse(Path root, Duration checkInterval) {
    this(root, checkInterval, 0);
  }

  /**
   * @param inMemoryBytes tables whose Parquet files total at most this many bytes are loaded into memory
   *     when a version is opened (see {@link PublishedVersion#open(String, Path, long)}); 0: views only
   *     (one-off readers such as the {@code sql} command would only pay for the loading)
   */
  public Warehouse(Path root, Duration checkInterval, long inMemoryBytes) {
    this.root = root.toAbsolutePath().normalize();
    this.checkIntervalNanos = checkInterval.toNanos();
    this.inMemoryBytes = inMemoryBytes;
  }

  public Path root() {
    return root;
  }

  /** The id of the version readers get now (re-reading CURRENT if due). */
  public String currentVersionId() {
    return read(Snapshot::versionId);
  }

  /** Runs {@code reader} against one version; that version stays open until the reader returns. */
  public <R> R read(Function<Snapshot, R> reader) {
    PublishedVersion version = acquire();
    try {
      return reader.apply(new Snapshot(version));
    } finally {
      version.release();
    }
  }

  /** One query against the current version; {@code params} bind to {@code ?} in order. */
  public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
    return read(snapshot -> snapshot.query(sql, mapper, params));
  }

  private PublishedVersion acquire() {
    if (closed) {
      throw new IllegalStateException("warehouse " + root + " is closed");
    }
    refreshIfDue();
    while (true) {
      PublishedVersion version = current;
      if (version == null) {
        refresh(); // throws the reason why nothing can be opened
        continue;
      }
      if (version.retain()) {
        return version;
      }
      // swapped and closed between the read and the retain: take the new one
    }
  }

  private void refreshIfDue() {
    if (current != null && System.nanoTime() - lastCheckNanos < checkIntervalNanos) {
      return;
    }
    if (current != null) {
      if (!refreshing.tryLock()) {
        return; // someone else is checking; keep serving the current version meanwhile
      }
    } else {
      refreshing.lock(); // nothing to serve yet: wait for whoever is opening it
    }
    try {
      if (current != null && System.nanoTime() - lastCheckNanos < checkIntervalNanos) {
        return;
      }
      lastCheckNanos = System.nanoTime();
      refresh();
    } catch (WarehouseUnavailableException e) {
      if (current == null) {
        throw e;
      }
      LOG.log(Level.WARNING, "Keeping version " + current.id() + " in service: " + e.getMessage());
    } finally {
      refreshing.unlock();
    }
  }

  /** Re-reads CURRENT and swaps in the version it names if that is not the current one. */
  private void refresh() {
    refreshing.lock();
    try {
      String id = readCurrentFile();
      PublishedVersion previous = current;
      if (previous != null && previous.id().equals(id)) {
        return;
      }
      Path directory = root.resolve("versions").resolve(id);
      if (!Files.isDirectory(directory)) {
        throw new WarehouseUnavailableException(Reason.VERSION_MISSING, directory,
            "CURRENT names version " + id + " but " + directory + " does not exist", null);
      }
      PublishedVersion next;
      try {
        next = PublishedVersion.open(id, directory, inMemoryBytes);
      } catch (SQLException | IOException e) {
        throw new WarehouseUnavailableException(Reason.OPEN_FAILED, directory,
            "cannot open version " + id + ": " + e.getMessage(), e);
      }
      current = next;
      if (inMemoryBytes > 0) {
        next.buildDossierFiles(); // the dashboard's dossier lookups; not for one-off readers
      }
      if (previous != null) {
        previous.release();
      }
      LOG.log(Level.INFO, "Warehouse " + root + ": serving version " + id + " (tables " + next.tables() + ")");
    } finally {
      refreshing.unlock();
    }
  }

  private String readCurrentFile() {
    if (!Files.isDirectory(root)) {
      throw new WarehouseUnavailableException(Reason.NO_DIRECTORY, root,
          "warehouse directory " + root + " does not exist", null);
    }
    Path file = root.resolve(CURRENT_FILE);
    String id;
    try {
      id = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException e) {
      throw new WarehouseUnavailableException(Reason.NOT_PUBLISHED, file,
          "no version published yet: " + file + " does not exist", e);
    } catch (IOException e) {
      throw new WarehouseUnavailableException(Reason.NOT_PUBLISHED, file, "cannot read " + file + ": " + e, e);
    }
    if (id.isEmpty() || !VERSION_ID.matcher(id).matches()) {
      throw new WarehouseUnavailableException(Reason.NOT_PUBLISHED, file,
          file + " does not name a version (content: '" + id + "')", null);
    }
    return id;
  }

  /** Stops serving; the current version's database closes once its last reader is done. */
  @Override
  public void close() {
    closed = true;
    refreshing.lock();
    try {
      PublishedVersion version = current;
      current = null;
      if (version != null) {
        version.release();
      }
    } finally {
      refreshing.unlock();
    }
  }

  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** Reads a whole result set (for callers that need its metadata or stream the rows). */
  @FunctionalInterface
  public interface ResultSetReader<R> {
    R read(ResultSet result) throws SQLException;
  }

  /** One published version, held open while a reader uses it. */
  public static final class Snapshot {

    private final PublishedVersion version;

    private Snapshot(PublishedVersion version) {
      this.version = version;
    }

    public String versionId() {
      return version.id();
    }

    /** The tables (views) of this version. */
    public List<String> tables() {
      return version.tables();
    }

    /** The version's folder ({@code versions/<id>/}). */
    public java.nio.file.Path directory() {
      return version.directory();
    }

    /**
     * Whether the in-memory tables {@code name} derived from this version's tables by {@code statements}
     * are ready; if not, they are being built in the background and the caller reads the original tables
     * meanwhile (see {@code PublishedVersion.derived}). For queries that would otherwise scan a big table
     * on every request.
     */
    public boolean derived(String name, List<String> statements) {
      return version.derived(name, statements);
    }

    /**
     * What {@code compute} gives for {@code key} in this version, computed once per version and kept
     * (a bounded number of results, least recently used dropped; see {@code PublishedVersion.cached}).
     * For results that depend on nothing but this version and {@code key}: the key must hold every
     * parameter, the language and, for anything scoped, the viewer's role and unit.
     */
    public <T> T cached(Object key, java.util.function.Supplier<T> compute) {
      return version.cached(key, compute);
    }

    /**
     * What to read the {@code dossiers}, {@code events} and {@code tasks} rows of one dossier from (table
     * name: a view, or the {@code read_parquet} of the one file holding them, or an empty relation), for
     * {@code FROM %s WHERE dossier_id = ?}: always the same rows as the view, usually far fewer files.
     */
    public Map<String, String> dossierSources(String dossierId) {
      try {
        return version.dossierSources(dossierId);
      } catch (SQLException e) {
        throw new WarehouseQueryException("dossier sources", e);
      }
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
      return extract(sql, result -> {
        List<T> rows = new ArrayList<>();
        while (result.next()) {
          rows.add(mapper.map(result));
        }
        return rows;
      }, params);
    }

    public <T> Optional<T> queryFirst(String sql, RowMapper<T> mapper, Object... params) {
      return extract(sql, result -> result.next() ? Optional.ofNullable(mapper.map(result)) : Optional.<T>empty(),
          params);
    }

    public <R> R extract(String sql, ResultSetReader<R> reader, Object... params) {
      try (Connection connection = version.connect();
          PreparedStatement statement = connection.prepareStatement(sql)) {
        for (int i = 0; i < params.length; i++) {
          statement.setObject(i + 1, params[i]);
        }
        try (ResultSet result = statement.executeQuery()) {
          return reader.read(result);
        }
      } catch (SQLException e) {
        throw new WarehouseQueryException(sql, e);
      }
    }
  }
}
