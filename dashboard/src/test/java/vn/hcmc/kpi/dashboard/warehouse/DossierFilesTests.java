package vn.hcmc.kpi.dashboard.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.hcmc.kpi.dashboard.Fixture;

/** The dossier index reads a dossier's rows from fewer files, never other rows. */
class DossierFilesTests {

  @Test
  void eachDossiersRowsFromItsFileAreTheRowsOfTheView() throws Exception {
    Path root = Fixture.warehouse();
    String id = Fixture.currentVersion(root);
    PublishedVersion version = PublishedVersion.open(id, root.resolve("versions").resolve(id), 64L << 20);
    try (Connection connection = version.connect()) {
      DossierFiles index = DossierFiles.build(connection, version.directory());
      assertThat(index).isNotNull();
      List<String> dossiers = strings(connection, """
          (SELECT dossier_id FROM dossiers ORDER BY hash(dossier_id) LIMIT 150)
          UNION (SELECT dossier_id FROM dossiers WHERE dossier_id NOT IN (SELECT dossier_id FROM tasks) LIMIT 5)
          UNION (SELECT dossier_id FROM dossiers WHERE supplement_count > 0 LIMIT 5)""");
      assertThat(index.size()).isEqualTo(strings(connection, "SELECT dossier_id FROM dossiers").size());
      dossiers.add("no-such-dossier");
      int narrowed = 0;
      for (String dossier : dossiers) {
        long key = Long.parseLong(strings(connection, "SELECT " + DossierFiles.key("'" + dossier.replace("'", "''") + "'")).get(0));
        for (String table : DossierFiles.TABLES) {
          String source = index.source(table, key);
          if (!source.equals(table)) {
            narrowed++;
          }
          String order = "ALL";
          assertThat(rows(connection, "SELECT * FROM " + source + " WHERE dossier_id = ? ORDER BY " + order, dossier))
              .as(dossier + " in " + table + " from " + source)
              .isEqualTo(rows(connection, "SELECT * FROM " + table + " WHERE dossier_id = ? ORDER BY " + order, dossier));
        }
      }
      // nearly every lookup reads one file (or none), not the view
      assertThat(narrowed).isGreaterThan((dossiers.size() - 1) * DossierFiles.TABLES.size() * 9 / 10);
    } finally {
      version.release();
    }
  }

  @Test
  void theWarehouseServesTheSameTimelinesBeforeAndAfterTheIndexIsBuilt() throws Exception {
    Path root = Fixture.warehouse();
    try (Warehouse warehouse = new Warehouse(root, java.time.Duration.ofHours(1), 64L << 20)) {
      String dossier = warehouse.query("SELECT dossier_id FROM dossiers ORDER BY dossier_id LIMIT 1", r -> r.getString(1)).get(0);
      long deadline = System.nanoTime() + 60_000_000_000L;
      Map<String, String> sources = warehouse.read(s -> s.dossierSources(dossier));
      while (sources.get("events").equals("events") && System.nanoTime() < deadline) {
        Thread.sleep(100);
        sources = warehouse.read(s -> s.dossierSources(dossier));
      }
      assertThat(sources.get("events")).startsWith("read_parquet(");
      for (Map.Entry<String, String> source : sources.entrySet()) {
        assertThat(warehouse.query("SELECT count(*) FROM " + source.getValue() + " WHERE dossier_id = ?", r -> r.getLong(1), dossier))
            .isEqualTo(warehouse.query("SELECT count(*) FROM " + source.getKey() + " WHERE dossier_id = ?", r -> r.getLong(1), dossier));
      }
    }
  }

  private static List<String> strings(Connection connection, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet row = statement.executeQuery()) {
      while (row.next()) {
        values.add(row.getString(1));
      }
    }
    return values;
  }

  private static List<List<Object>> rows(Connection connection, String sql, String dossier) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, dossier);
      try (ResultSet row = statement.executeQuery()) {
        ResultSetMetaData meta = row.getMetaData();
        while (row.next()) {
          List<Object> values = new ArrayList<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            values.add(meta.getColumnName(i) + "=" + row.getString(i));
          }
          rows.add(values);
        }
      }
    }
    return rows;
  }
}
