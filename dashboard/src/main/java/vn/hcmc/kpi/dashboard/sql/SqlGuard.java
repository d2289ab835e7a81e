package vn.hcmc.kpi.dashboard.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL console's gate, before anything runs. DuckDB's own parser ({@code json_serialize_sql}) must
 * see exactly one statement, and it serializes nothing but SELECT statements: COPY, ATTACH, INSTALL,
 * LOAD, SET, RESET, PRAGMA, CREATE, INSERT, DROP, EXPORT … are refused. Then the parse tree is walked:
 * every table must be a published table (or a CTE of the query), table functions are limited to
 * {@code range}, {@code generate_series} and {@code unnest} (no {@code read_csv}, {@code read_text},
 * {@code glob}, {@code duckdb_*} catalog functions, file paths as tables …), and a few scalar
 * functions that read the environment or settings are refused. The sandbox database is locked down
 * as well ({@link SqlSandbox}), so this is the first gate, not the only one.
 */
final class SqlGuard {

  static final Set<String> TABLE_FUNCTIONS = Set.of("range", "generate_series", "unnest");
  static final Set<String> REFUSED_FUNCTIONS = Set.of("getenv", "current_setting", "sql_auto_complete",
      "json_serialize_sql", "json_deserialize_sql", "json_serialize_plan", "json_execute_serialized_sql");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private SqlGuard() {
  }

  /** Why {@code sql} is refused, or empty when it may run. */
  static Optional<String> refusal(Connection connection, String sql, Set<String> tables) throws SQLException {
    if (sql == null || sql.isBlank()) {
      return Optional.of("no query given");
    }
    String serialized;
    try (PreparedStatement statement = connection.prepareStatement("SELECT json_serialize_sql(?::VARCHAR)")) {
      statement.setString(1, sql);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        serialized = result.getString(1);
      }
    }
    JsonNode tree = JSON.readTree(serialized);
    if (tree.path("error").asBoolean(false)) {
      if ("not implemented".equals(tree.path("error_type").asString(""))) {
        return Optional.of("refused: only one read-only query (SELECT, WITH … SELECT, FROM …) is allowed;"
            + " COPY, ATTACH, INSTALL, LOAD, SET, RESET, PRAGMA, CREATE, INSERT, UPDATE, DELETE, DROP, EXPORT"
            + " and the like are not");
      }
      return Optional.of("the query cannot be parsed: " + tree.path("error_message").asString(""));
    }
    int statements = tree.path("statements").size();
    if (statements == 0) {
      return Optional.of("no query given");
    }
    if (statements > 1) {
      return Optional.of("refused: only one statement is allowed, got " + statements);
    }
    Set<String> ctes = new HashSet<>();
    collectCtes(tree, ctes);
    for (String cte : ctes) {
      if (cte.startsWith("_")) {
        return Optional.of("refused: names starting with '_' are reserved (" + cte + ")");
      }
    }
    return walk(tree, tables, ctes);
  }

  private static void collectCtes(JsonNode node, Set<String> ctes) {
    if (node.isObject()) {
      JsonNode map = node.get("cte_map");
      if (map != null) {
        for (JsonNode entry : map.path("map")) {
          ctes.add(entry.path("key").asString("").toLowerCase(Locale.ROOT));
        }
      }
      for (JsonNode child : node) {
        collectCtes(child, ctes);
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        collectCtes(child, ctes);
      }
    }
  }

  private static Optional<String> walk(JsonNode node, Set<String> tables, Set<String> ctes) {
    if (node.isObject()) {
      String type = node.path("type").asString("");
      if ("BASE_TABLE".equals(type)) {
        String name = node.path("table_name").asString("");
        String schema = node.path("schema_name").asString("");
        String catalog = node.path("catalog_name").asString("");
        String lower = name.toLowerCase(Locale.ROOT);
        boolean plain = (schema.isEmpty() || schema.equalsIgnoreCase("main"))
            && (catalog.isEmpty() || catalog.equalsIgnoreCase("memory"));
        if (!plain || lower.startsWith("_") || !(tables.contains(lower) || ctes.contains(lower))) {
          return Optional.of("refused: '" + (catalog.isEmpty() ? "" : catalog + ".") + (schema.isEmpty() ? "" : schema + ".")
              + name + "' is not a published table; the console reads only these tables: " + String.join(", ",
                  new java.util.TreeSet<>(tables)) + " (no files, paths or catalogs)");
        }
      } else if ("TABLE_FUNCTION".equals(type)) {
        String function = node.path("function").path("function_name").asString("").toLowerCase(Locale.ROOT);
        if (!TABLE_FUNCTIONS.contains(function)) {
          return Optional.of("refused: the table function " + function + "() is not allowed; the console reads only"
              + " the published tables (no files such as read_csv/read_text/glob, no catalog or settings functions);"
              + " allowed: " + String.join(", ", new java.util.TreeSet<>(TABLE_FUNCTIONS)));
        }
      }
      JsonNode function = node.get("function_name");
      if (function != null && function.isString()
          && REFUSED_FUNCTIONS.contains(function.asString().toLowerCase(Locale.ROOT))) {
        return Optional.of("refused: the function " + function.asString() + "() is not allowed in the console");
      }
      for (JsonNode child : node) {
        Optional<String> refusal = walk(child, tables, ctes);
        if (refusal.isPresent()) {
          return refusal;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        Optional<String> refusal = walk(child, tables, ctes);
        if (refusal.isPresent()) {
          return refusal;
        }
      }
    }
    return Optional.empty();
  }
}
