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

  /**
   * The guard's answer on one query text: why it is refused (empty: it may run), and whether its result
   * depends on the version's tables alone (so it may be kept for the version): every function it calls is
   * one whose overloads DuckDB declares CONSISTENT, no bare name could be a clock or session value
   * ({@code current_date} parses as a column), it samples nothing and calls no table function.
   */
  record Verdict(Optional<String> refusal, boolean deterministic) {
  }

  /** Names SQL lets a query write without parentheses that DuckDB binds to the clock or the session. */
  static final Set<String> BARE_VALUES = Set.of("current_date", "current_time", "current_timestamp", "localtime",
      "localtimestamp", "current_user", "session_user", "user", "current_role", "current_catalog", "current_schema",
      "now", "today");

  /** Lower-case names of the functions all of whose overloads DuckDB declares CONSISTENT (not random(), now() …). */
  static Set<String> consistentFunctions(Connection connection) throws SQLException {
    Set<String> names = new HashSet<>();
    try (PreparedStatement statement = connection.prepareStatement("SELECT lower(function_name) FROM duckdb_functions()"
        + " GROUP BY 1 HAVING bool_and(coalesce(stability = 'CONSISTENT', false))");
         ResultSet row = statement.executeQuery()) {
      while (row.next()) {
        names.add(row.getString(1));
      }
    }
    return Set.copyOf(names);
  }

  /**
   * The verdict on {@code sql} as the analyst wrote it and on {@code wrapped}, the text that runs: both must pass
   * (the first gives the clearer reasons). Both are parsed in one DuckDB round trip. {@code consistentFunctions}:
   * {@link #consistentFunctions}.
   */
  static Verdict verdict(Connection connection, String sql, String wrapped, Set<String> tables,
                         Set<String> consistentFunctions) throws SQLException {
    if (sql == null || sql.isBlank()) {
      return new Verdict(Optional.of("no query given"), false);
    }
    String[] trees = serialize(connection, sql, wrapped);
    Verdict verdict = verdict(trees[0], tables, consistentFunctions);
    if (verdict.refusal().isPresent()) {
      return verdict;
    }
    // wrapped, it must still be one SELECT (a comment cannot swallow the ')')
    Optional<String> refusal = verdict(trees[1], tables, Set.of()).refusal();
    return refusal.isPresent() ? new Verdict(refusal, false) : verdict;
  }

  /** DuckDB's parse trees of the texts, as JSON, from one statement. */
  private static String[] serialize(Connection connection, String... texts) throws SQLException {
    StringBuilder select = new StringBuilder("SELECT ");
    for (int i = 0; i < texts.length; i++) {
      select.append(i == 0 ? "" : ", ").append("json_serialize_sql(?::VARCHAR)");
    }
    String[] trees = new String[texts.length];
    try (PreparedStatement statement = connection.prepareStatement(select.toString())) {
      for (int i = 0; i < texts.length; i++) {
        statement.setString(i + 1, texts[i]);
      }
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        for (int i = 0; i < texts.length; i++) {
          trees[i] = result.getString(i + 1);
        }
      }
    }
    return trees;
  }

  private static Verdict verdict(String serialized, Set<String> tables, Set<String> consistentFunctions) {
    JsonNode tree = JSON.readTree(serialized);
    if (tree.path("error").asBoolean(false)) {
      if ("not implemented".equals(tree.path("error_type").asString(""))) {
        return refused("refused: only one read-only query (SELECT, WITH … SELECT, FROM …) is allowed;"
            + " COPY, ATTACH, INSTALL, LOAD, SET, RESET, PRAGMA, CREATE, INSERT, UPDATE, DELETE, DROP, EXPORT"
            + " and the like are not");
      }
      return refused("the query cannot be parsed: " + tree.path("error_message").asString(""));
    }
    int statements = tree.path("statements").size();
    if (statements == 0) {
      return refused("no query given");
    }
    if (statements > 1) {
      return refused("refused: only one statement is allowed, got " + statements);
    }
    Set<String> ctes = new HashSet<>();
    collectCtes(tree, ctes);
    for (String cte : ctes) {
      if (cte.startsWith("_")) {
        return refused("refused: names starting with '_' are reserved (" + cte + ")");
      }
    }
    Optional<String> refusal = walk(tree, tables, ctes);
    return new Verdict(refusal, refusal.isEmpty() && deterministic(tree, consistentFunctions));
  }

  private static Verdict refused(String reason) {
    return new Verdict(Optional.of(reason), false);
  }

  /** Whether the parse tree calls only consistent functions, names no clock or session value, samples nothing. */
  static boolean deterministic(JsonNode node, Set<String> consistentFunctions) {
    if (node.isObject()) {
      JsonNode sample = node.get("sample");
      if (sample != null && !sample.isNull()) {
        return false;
      }
      String type = node.path("type").asString("");
      if ("TABLE_FUNCTION".equals(type)) {
        return false;
      }
      if ("FUNCTION".equals(node.path("class").asString(""))) {
        String name = node.path("function_name").asString("").toLowerCase(Locale.ROOT);
        if (!consistentFunctions.contains(name)) {
          return false;
        }
      }
      if ("COLUMN_REF".equals(type)) {
        for (JsonNode part : node.path("column_names")) {
          String name = part.asString("").toLowerCase(Locale.ROOT);
          if (BARE_VALUES.contains(name)) {
            return false;
          }
        }
      }
      for (JsonNode child : node) {
        if (!deterministic(child, consistentFunctions)) {
          return false;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        if (!deterministic(child, consistentFunctions)) {
          return false;
        }
      }
    }
    return true;
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
