package vn.hcmc.kpi.etl.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import vn.hcmc.kpi.etl.clock.ClockSettings;
import vn.hcmc.kpi.etl.reference.ReferenceData;

/**
 * What an incremental run must know about the version it starts from, kept in the version as
 * {@code _state/state.json}: the settings the dossiers were folded with (a different reference or
 * clock setting would make old and new dossiers disagree), the input files already loaded, and the
 * latest event and as-of time.
 *
 * @param layout version of the state layout; a version written by another layout is not a base
 * @param reference SHA-256 over the content of the reference files the run used
 * @param nativeInput whether the inputs were native logs (mapped inputs can add units and procedures)
 * @param files the input files loaded so far
 * @param latestEvent the latest accepted event time (null when there was none)
 * @param dossiers the version's dossiers with facts (rows of the dossiers table)
 * @param segments per segmented table ({@link DossierTables#segmented()}), the segment of each file
 */
record RunState(int layout, String reference, boolean multipleSupplementsLate, boolean nativeInput,
                List<LoadedFile> files, String latestEvent, String asOf, long dossiers,
                Map<String, Map<String, String>> segments) {

  static final int LAYOUT = 4; // 3: with the dossier index (DossierIndex); 4: tables by week in month files (WeekBlocks)
  static final String FILE = "state.json";
  /** Bytes read from each end of an input file to tell a changed file from the one loaded. */
  static final int SAMPLE_BYTES = 64 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final List<String> REFERENCE_FILES = List.of(ReferenceData.PROCEDURES, ReferenceData.UNITS,
      ReferenceData.HOLIDAYS, ReferenceData.OFFICE_HOURS, ReferenceData.OFFICERS);

  /**
   * An input file as loaded: its name as the run records it (the events' source), its size, and a hash
   * of its first and last {@link #SAMPLE_BYTES} bytes, so a file that was replaced under the same name
   * is noticed without reading it all.
   */
  record LoadedFile(String name, long size, String sample) {}

  static String path(String runId) { return DossierTables.versionPath(runId) + "/" + DossierTables.STATE + "/" + FILE; }

  void write(WarehouseFs fs, String runId) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("layout", layout);
    m.put("reference", reference);
    m.put("multiple_supplements_late", multipleSupplementsLate);
    m.put("native_input", nativeInput);
    m.put("latest_event", latestEvent);
    m.put("as_of", asOf);
    List<Map<String, Object>> files = new ArrayList<>();
    for (LoadedFile f : this.files) files.add(Map.of("name", f.name(), "size", f.size(), "sample", f.sample()));
    m.put("files", files);
    m.put("dossiers", dossiers);
    m.put("segments", segments);
    try {
      fs.createDirectories(DossierTables.versionPath(runId) + "/" + DossierTables.STATE);
      fs.writeString(path(runId), JSON.writeValueAsString(m));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + fs.location(path(runId)) + ": " + e.getMessage(), e);
    }
  }

  /** The state of a version, or null when it has none (written before incremental runs existed). */
  @SuppressWarnings("unchecked")
  static RunState read(WarehouseFs fs, String runId) {
    String p = path(runId);
    try {
      if (!fs.isFile(p)) return null;
      Map<String, Object> m = JSON.readValue(fs.readString(p), Map.class);
      List<LoadedFile> files = new ArrayList<>();
      for (Map<String, Object> f : (List<Map<String, Object>>) m.get("files")) {
        files.add(new LoadedFile((String) f.get("name"), ((Number) f.get("size")).longValue(), (String) f.get("sample")));
      }
      return new RunState(((Number) m.get("layout")).intValue(), (String) m.get("reference"),
          (Boolean) m.get("multiple_supplements_late"), (Boolean) m.get("native_input"), files,
          (String) m.get("latest_event"), (String) m.get("as_of"),
          m.get("dossiers") == null ? 0 : ((Number) m.get("dossiers")).longValue(),
          (Map<String, Map<String, String>>) m.getOrDefault("segments", Map.of()));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read " + fs.location(p) + ": " + e.getMessage(), e);
    }
  }

  static RunState of(Path referenceDir, ClockSettings settings, boolean nativeInput, List<LoadedFile> files,
                     Instant latestEvent, Instant asOf, long dossiers, Map<String, Map<String, String>> segments) {
    return new RunState(LAYOUT, referenceHash(referenceDir), settings.multipleSupplementsLate(), nativeInput, files,
        latestEvent == null ? null : latestEvent.toString(), asOf.toString(), dossiers, segments);
  }

  /** Native logs only: a mapped input (XES, request CSV, a profile) can add units and procedures from the data. */
  static boolean isNative(vn.hcmc.kpi.etl.profile.InputMapping mapping, List<InputFile> files) {
    if (mapping.profile() != null) return false;
    for (InputFile f : files) {
      vn.hcmc.kpi.etl.profile.InputMapping.Format format = mapping.formatOf(f.name());
      if (format != vn.hcmc.kpi.etl.profile.InputMapping.Format.CSV
          && format != vn.hcmc.kpi.etl.profile.InputMapping.Format.JSONL) return false;
    }
    return true;
  }

  Instant latestEventInstant() { return latestEvent == null ? null : Instant.parse(latestEvent); }

  Instant asOfInstant() { return Instant.parse(asOf); }

  /** Hash of the reference files a run reads: each given file, else the shipped default (as ReferenceData.load). */
  static String referenceHash(Path dir) {
    MessageDigest md = sha256();
    for (String name : REFERENCE_FILES) {
      md.update((name + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      try {
        byte[] bytes;
        if (dir != null && Files.isRegularFile(dir.resolve(name))) {
          bytes = Files.readAllBytes(dir.resolve(name));
        } else {
          try (InputStream in = ReferenceData.class.getResourceAsStream("/reference/" + name)) {
            bytes = in == null ? new byte[0] : in.readAllBytes();
          }
        }
        md.update(sha256().digest(bytes));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read reference file " + name + ": " + e.getMessage(), e);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** Size and sample hash of each input file. */
  static List<LoadedFile> fingerprint(List<InputFile> files, Configuration hadoop) {
    List<LoadedFile> out = new ArrayList<>(files.size());
    for (InputFile f : files) {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(f.uri());
      try {
        FileSystem fs = p.getFileSystem(hadoop);
        long size = fs.getFileStatus(p).getLen();
        MessageDigest md = sha256();
        try (FSDataInputStream in = fs.open(p)) {
          byte[] head = new byte[(int) Math.min(SAMPLE_BYTES, size)];
          in.readFully(0, head);
          md.update(head);
          if (size > SAMPLE_BYTES) {
            byte[] tail = new byte[(int) Math.min(SAMPLE_BYTES, size - SAMPLE_BYTES)];
            in.readFully(size - tail.length, tail);
            md.update(tail);
          }
        }
        out.add(new LoadedFile(f.name(), size, HexFormat.of().formatHex(md.digest())));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read input " + f.uri() + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
