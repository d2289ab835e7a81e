package vn.hcmc.kpi.dashboard.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import vn.hcmc.kpi.dashboard.warehouse.Warehouse;

/**
 * Every console query, refused or not, as one JSON line appended to {@code <kpi.sql.audit-dir>/sql-audit.jsonl}
 * (append-only; rotate it with logrotate's copytruncate if needed). The folder must be outside the
 * warehouse (checked at start-up), so the audit is never published and never readable from the console.
 */
@Component
public class SqlAudit {

  static final String FILE = "sql-audit.jsonl";

  /** One audited query. */
  public record Entry(OffsetDateTime at, String user, String role, String sql, String outcome, Integer rows,
      long millis, boolean refused, String reason, String warehouseVersion) {
  }

  private final Path file;
  private final JsonMapper json = JsonMapper.builder().build();

  public SqlAudit(SqlSettings settings, Warehouse warehouse) {
    Path dir = settings.auditDir().toAbsolutePath().normalize();
    Path root = warehouse.root().toAbsolutePath().normalize();
    if (dir.startsWith(root)) {
      throw new IllegalStateException("kpi.sql.audit-dir (" + dir + ") must be outside the warehouse (" + root + ")");
    }
    this.file = dir.resolve(FILE);
  }

  public void append(Entry entry) {
    String line = json.writeValueAsString(entry) + "\n"; // outside the lock: only the write is ordered
    synchronized (this) {
      try {
        try {
          write(line);
        } catch (java.nio.file.NoSuchFileException e) {
          // the folder is made when first needed, not checked on every query (it cost more than the write)
          Files.createDirectories(file.getParent());
          write(line);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the SQL audit " + file, e);
      }
    }
  }

  private void write(String line) throws IOException {
    Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
        StandardOpenOption.WRITE);
  }

  /** The last entries read, and the file's size and time then (the file is only ever appended to). */
  private record Tail(long size, java.nio.file.attribute.FileTime modified, int limit, List<Entry> entries) {
  }

  private volatile Tail tail;

  /**
   * The last {@code limit} entries, newest first. Read again only when the file has changed since the
   * last read (size or time): an admin's page reload does not parse hundreds of lines again.
   */
  public List<Entry> last(int limit) {
    Tail known = tail;
    if (known != null && known.limit() == limit && unchanged(known)) {
      return known.entries();
    }
    return read(limit);
  }

  private boolean unchanged(Tail known) {
    try {
      return Files.size(file) == known.size() && Files.getLastModifiedTime(file).equals(known.modified());
    } catch (IOException e) {
      return false;
    }
  }

  private synchronized List<Entry> read(int limit) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      // under the lock appends take: size, time and lines are of one state of the file
      long size = Files.size(file);
      java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(file);
      List<Entry> entries = new ArrayList<>();
      for (String line : TailLines.last(file, limit)) {
        entries.add(json.readValue(line, Entry.class));
      }
      List<Entry> read = List.copyOf(entries);
      tail = new Tail(size, modified, limit, read);
      return read;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh"));
  }
}
