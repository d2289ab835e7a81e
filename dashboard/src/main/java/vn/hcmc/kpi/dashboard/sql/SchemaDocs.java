package vn.hcmc.kpi.dashboard.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/** The schema browser's documentation ({@code sql/schema.yml}) and example queries. */
@Component
public class SchemaDocs {

  public record Table(String name, String doc, List<Column> columns) {
  }

  public record Column(String name, String type, String doc) {
  }

  public record Example(String title, String sql) {
  }

  private final Map<String, Object> tables;
  private final List<Example> examples = new ArrayList<>();

  @SuppressWarnings("unchecked")
  public SchemaDocs() {
    try (InputStream in = SchemaDocs.class.getResourceAsStream("/sql/schema.yml")) {
      Map<String, Object> yaml = new Yaml().load(in);
      this.tables = (Map<String, Object>) yaml.getOrDefault("tables", Map.of());
      for (Map<String, Object> example : (List<Map<String, Object>>) yaml.getOrDefault("examples", List.of())) {
        examples.add(new Example((String) example.get("title"), ((String) example.get("sql")).strip()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<Example> examples() {
    return examples;
  }

  /** Documentation of the column; a column the resource does not describe for the table falls back to ward_weekly's. */
  @SuppressWarnings("unchecked")
  String doc(String table, String column) {
    for (String source : new String[] {table, "ward_weekly", "dossiers"}) {
      Map<String, Object> entry = (Map<String, Object>) tables.get(source);
      if (entry != null) {
        Object doc = ((Map<String, Object>) entry.getOrDefault("columns", Map.of())).get(column);
        if (doc != null) {
          return doc.toString();
        }
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  public List<Table> describe(Map<String, List<SqlResult.Column>> schema) {
    List<Table> described = new ArrayList<>();
    for (Map.Entry<String, List<SqlResult.Column>> table : new LinkedHashMap<>(schema).entrySet()) {
      Map<String, Object> entry = (Map<String, Object>) tables.getOrDefault(table.getKey(), Map.of());
      List<Column> columns = new ArrayList<>();
      for (SqlResult.Column column : table.getValue()) {
        columns.add(new Column(column.name(), column.type(), doc(table.getKey(), column.name())));
      }
      described.add(new Table(table.getKey(), (String) entry.get("doc"), columns));
    }
    return described;
  }
}
