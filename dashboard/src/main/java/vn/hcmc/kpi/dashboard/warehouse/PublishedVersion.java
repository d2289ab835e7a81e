package vn.hcmc.kpi.dashboard.warehouse;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.duckdb.DuckDBConnection;

/**
 * One published version ({@code versions/<id>/}) opened in its own in-memory DuckDB with one view
 * per table folder. Reference counted: the {@link Warehouse} holds one reference while the version is
 * current, each reader holds one while it runs; the database is closed when the count drops to 0.
 */
final class PublishedVersion {

  static final String TIME_ZONE = "Asia/Ho_Chi_Minh";

  /** Tables with a row per dossier, event, task or pause (docs/warehouse.md): never held in memory. */
  static final Set<String> PER_DOSSIER = Set.of("dossiers", "events", "tasks", "pauses");

  private static final System.Logger LOG = System.getLogger(PublishedVersion.class.getName());

  /** One daemon thread builds derived tables, one set after another (they are small and rare). */
  private static final ExecutorService BUILDER = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "kpi-derived-tables");
    thread.setDaemon(true);
    return thread;
  });

  private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

  private final String id;
  private final Path directory;
  private final List<String> tables;
  private final DuckDBConnection database;
  private final AtomicInteger references = new AtomicInteger(1);
  /** Names of the derived table sets built in this version's database (see {@link #derived}). */
  private final Set<String> derived = ConcurrentHashMap.newKeySet();
  private final Map<String, CompletableFuture<Void>> building = new ConcurrentHashMap<>();
  /** Built in the background after opening (see {@link #buildDossierFiles}); null until then. */
  private volatile DossierFiles dossierFiles;
  /**
   * Results computed from this version (see {@link #cached}), least recently used evicted beyond
   * {@link #CACHED_RESULTS}; guarded by itself.
   */
  private final LinkedHashMap<Object, CompletableFuture<Object>> results = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Object, CompletableFuture<Object>> eldest) {
      return size() > CACHED_RESULTS;
    }
  };

  /** How many results {@link #cached} keeps per version (a ward review is tens of kB). */
  static final int CACHED_RESULTS = 1_000;

  private PublishedVersion(String id, Path directory, List<String> tables, DuckDBConnection database) {
    this.id = id;
    this.directory = directory;
    this.tables = tables;
    this.database = database;
  }

  /**
   * Opens {@code directory} locked down: the session time zone is Asia/Ho_Chi_Minh, file access is
   * limited to the version folder ({@code allowed_directories} + {@code enable_external_access=false}),
   * extensions cannot be installed or loaded and the configuration is locked; then the views are
   * created. (The views are lazy: {@code enable_external_access=false} without
   * {@code allowed_directories} would make every later read of them fail.)
   */
  static PublishedVersion open(String id, Path directory) throws SQLException, IOException {
    return open(id, directory, 0);
  }

  /**
   * As {@link #open(String, Path)}, but tables whose Parquet files total at most {@code inMemoryBytes}
   * are loaded into memory ({@code CREATE TABLE … AS}) instead of being views: a query on a view opens
   * and decodes the files again every time (a few ms each, several per page), while the small tables
   * (weekly figures, units, procedures, runs…) are what nearly every request reads. The per-dossier
   * tables ({@link #PER_DOSSIER}) always stay views: they grow with the year (millions of rows).
   */
  static PublishedVersion open(String id, Path directory, long inMemoryBytes) throws SQLException, IOException {
    List<String> tables = tableFolders(directory);
    DuckDBConnection database = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    try (Statement statement = database.createStatement()) {
      statement.execute("SET GLOBAL TimeZone = '" + TIME_ZONE + "'");
      statement.execute("SET allowed_directories = [" + literal(directory.toString() + "/") + "]");
      statement.execute("SET enable_external_access = false");
      // the files of a version never change: keep their footers instead of re-reading them per query
      statement.execute("SET parquet_metadata_cache = true");
      statement.execute("SET autoinstall_known_extensions = false");
      statement.execute("SET autoload_known_extensions = false");
      statement.execute("SET lock_configuration = true");
      for (String table : tables) {
        boolean inMemory = !PER_DOSSIER.contains(table) && parquetBytes(directory.resolve(table)) <= inMemoryBytes;
        statement.execute((inMemory ? "CREATE TABLE " : "CREATE VIEW ") + table + " AS SELECT * FROM read_parquet("
            + literal(directory.resolve(table) + "/*.parquet") + ")");
      }
    } catch (SQLException | RuntimeException e) {
      database.close();
      throw e;
    }
    return new PublishedVersion(id, directory, Collections.unmodifiableList(tables), database);
  }

  /** Sub-folders holding at least one Parquet file, with names usable as SQL identifiers, sorted. */
  private static List<String> tableFolders(Path directory) throws IOException {
    List<String> tables = new ArrayList<>();
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(directory, Files::isDirectory)) {
      for (Path folder : folders) {
        String name = folder.getFileName().toString();
        if (TABLE_NAME.matcher(name).matches() && hasParquet(folder)) {
          tables.add(name);
        }
      }
    }
    Collections.sort(tables);
    return tables;
  }

  private static long parquetBytes(Path folder) throws IOException {
    long bytes = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.parquet")) {
      for (Path file : files) {
        bytes += Files.size(file);
      }
    }
    return bytes;
  }

  private static boolean hasParquet(Path folder) throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.parquet")) {
      return files.iterator().hasNext();
    }
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  String id() {
    return id;
  }

  Path directory() {
    return directory;
  }

  List<String> tables() {
    return tables;
  }

  /** A new connection to this version's database, for one query. */
  Connection connect() throws SQLException {
    return database.duplicate();
  }

  /**
   * Whether the in-memory tables {@code name}, derived from this version's tables, are ready. If not,
   * starts building them ({@code statements}, each a {@code CREATE OR REPLACE TABLE}) in the background,
   * once, and answers false: callers then read the original tables, so neither a version switch nor a
   * request ever waits for the build. The version never changes, so neither do they; they go with the
   * database when the version is closed (the build holds a reference meanwhile).
   */
  boolean derived(String name, List<String> statements) {
    if (derived.contains(name)) {
      return true;
    }
    building.computeIfAbsent(name, n -> {
      if (!retain()) {
        return CompletableFuture.completedFuture(null); // closed meanwhile: nobody will ask again
      }
      return CompletableFuture.runAsync(() -> {
        long started = System.nanoTime();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
          for (String sql : statements) {
            statement.execute(sql);
          }
          derived.add(n);
          // the load benchmark waits for this line before it measures
          LOG.log(System.Logger.Level.INFO, "version " + id + ": derived tables '" + n + "' built in "
              + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (SQLException | RuntimeException e) {
          // e.g. a version without one of the tables they read: its readers keep the original tables
          LOG.log(System.Logger.Level.WARNING, "version " + id + ": derived tables '" + n + "' not built: " + e);
        } finally {
          release();
        }
      }, BUILDER);
    });
    return false;
  }

  /**
   * The result {@code compute} gives for {@code key} in this version, computed once: the version never
   * changes, so neither does a result computed only from it and from {@code key} (which must therefore
   * hold everything else the result depends on: the parameters, the language, the viewer's role and
   * unit). Concurrent callers with the same key wait for the one computing it; a failure (404, 403, an
   * error) is passed to them and not kept. The results go with the version.
   */
  @SuppressWarnings("unchecked")
  <T> T cached(Object key, Supplier<T> compute) {
    CompletableFuture<Object> mine = new CompletableFuture<>();
    CompletableFuture<Object> existing;
    synchronized (results) {
      existing = results.putIfAbsent(key, mine);
    }
    if (existing != null) {
      try {
        return (T) existing.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException cause) {
          throw cause;
        }
        throw e;
      }
    }
    try {
      T value = compute.get();
      mine.complete(value);
      return value;
    } catch (RuntimeException | Error e) {
      synchronized (results) {
        results.remove(key, mine);
      }
      mine.completeExceptionally(e);
      throw e;
    }
  }

  /**
   * Starts building this version's {@link DossierFiles} in the background (the same thread as the
   * derived tables); until it is built, {@link #dossierSources} answers the views.
   */
  void buildDossierFiles() {
    if (!retain()) {
      return;
    }
    BUILDER.execute(() -> {
      long started = System.nanoTime();
      try (Connection connection = connect()) {
        DossierFiles built = DossierFiles.build(connection, directory);
        dossierFiles = built;
        LOG.log(System.Logger.Level.INFO, "version " + id + ": dossier index built ("
            + (built == null ? "not: too many files" : built.size() + " dossiers") + ") in "
            + (System.nanoTime() - started) / 1_000_000 + " ms");
      } catch (SQLException | IOException | RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "version " + id + ": dossier index not built: " + e);
      } finally {
        release();
      }
    });
  }

  /**
   * For each of {@link DossierFiles#TABLES}, what to read the rows of dossier {@code dossierId} from: its
   * one Parquet file once the version's index is built, else the table's view (see {@link DossierFiles}).
   */
  Map<String, String> dossierSources(String dossierId) throws SQLException {
    DossierFiles index = dossierFiles;
    Map<String, String> sources = new java.util.HashMap<>();
    if (index == null) {
      DossierFiles.TABLES.forEach(table -> sources.put(table, table));
      return sources;
    }
    long key;
    try (Connection connection = connect();
        java.sql.PreparedStatement statement = connection.prepareStatement(
            "SELECT " + DossierFiles.key("CAST(? AS VARCHAR)"))) {
      statement.setString(1, dossierId);
      try (java.sql.ResultSet row = statement.executeQuery()) {
        row.next();
        key = row.getLong(1);
      }
    }
    DossierFiles.TABLES.forEach(table -> sources.put(table, index.source(table, key)));
    return sources;
  }

  /** Takes a reference unless the version has already been closed. */
  boolean retain() {
    while (true) {
      int count = references.get();
      if (count <= 0) {
        return false;
      }
      if (references.compareAndSet(count, count + 1)) {
        return true;
      }
    }
  }

  /** Gives a reference back; the last one closes the database. */
  void release() {
    if (references.decrementAndGet() == 0) {
      try {
        database.close();
      } catch (SQLException ignored) {
        // nothing left to do with a database nobody uses
      }
    }
  }

  boolean isClosed() {
    return references.get() <= 0;
  }
}
