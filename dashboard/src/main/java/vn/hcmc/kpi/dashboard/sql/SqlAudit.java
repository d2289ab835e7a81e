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

  public synchronized void append(Entry entry) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, json.writeValueAsString(entry) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the SQL audit " + file, e);
    }
  }

  /** The last {@code limit} entries, newest first. */
  public synchronized List<Entry> last(int limit) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      List<Entry> entries = new ArrayList<>();
      for (String line : TailLines.last(file, limit)) {
        entries.add(json.readValue(line, Entry.class));
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh"));
  }
}
