package vn.hcmc.kpi.etl.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON record of a run, written into its version folder ({@value #FILE}) so that
 * {@code kpi runs} can list versions without starting Spark. The runs table holds the same facts.
 */
public record RunManifest(String runId, String startedAt, String finishedAt, List<String> inputs, String asOf,
                          long rowsRead, long accepted, long rejected, long duplicates, long dossiers, long files,
                          String status) {
  public static final String FILE = "run.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The manifest as JSON, as written into a version. */
  public String toJson() throws IOException { return toJson(Map.of()); }

  /** With facts some runs add, e.g. an incremental run's mode and base version. */
  public String toJson(Map<String, Object> extra) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", runId);
    m.put("started_at", startedAt);
    m.put("finished_at", finishedAt);
    m.put("inputs", inputs);
    m.put("as_of", asOf);
    m.put("rows_read", rowsRead);
    m.put("accepted", accepted);
    m.put("rejected", rejected);
    m.put("duplicates", duplicates);
    m.put("dossiers", dossiers);
    m.put("files", files);
    m.put("status", status);
    m.putAll(extra);
    return JSON.writeValueAsString(m);
  }

  @SuppressWarnings("unchecked")
  public static RunManifest fromJson(String json) throws IOException {
    Map<String, Object> m = JSON.readValue(json, Map.class);
    return new RunManifest((String) m.get("run_id"), (String) m.get("started_at"), (String) m.get("finished_at"),
        (List<String>) m.get("inputs"), (String) m.get("as_of"), num(m, "rows_read"), num(m, "accepted"),
        num(m, "rejected"), num(m, "duplicates"), num(m, "dossiers"), num(m, "files"), (String) m.get("status"));
  }

  private static long num(Map<String, Object> m, String k) {
    Object v = m.get(k);
    return v == null ? 0 : ((Number) v).longValue();
  }
}
