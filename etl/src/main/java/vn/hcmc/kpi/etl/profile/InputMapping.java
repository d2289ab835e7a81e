package vn.hcmc.kpi.etl.profile;

import java.io.Serializable;
import java.util.Locale;

/**
 * How the input files of a run are read: the --format and --profile options. The format of a file
 * is, in this order: --format when given; the profile's format when a profile is given; else
 * guessed from the file name (.xes or .xes.gz → xes, .jsonl/.ndjson/.json → jsonl, otherwise csv).
 * An XES file read without a profile uses the shipped generic profile {@code xes}; a request-level
 * CSV needs a profile.
 */
public record InputMapping(Format format, MappingProfile profile) implements Serializable {

  public enum Format { CSV, JSONL, XES, REQUESTS }

  /** The native formats by file name, no profile. */
  public static final InputMapping NATIVE = new InputMapping(null, null);

  public InputMapping {
    if (format == Format.REQUESTS && profile == null) {
      throw new IllegalArgumentException("--format requests needs --profile (e.g. --profile nyc311)");
    }
    if (profile != null && format != null && (format == Format.CSV || format == Format.JSONL)) {
      throw new IllegalArgumentException("--profile maps xes or requests input, not the native " + format.name()
          .toLowerCase(Locale.ROOT) + " format");
    }
    if (profile != null && format != null && !format.name().equals(profile.format().name())) {
      throw new IllegalArgumentException("--format " + format.name().toLowerCase(Locale.ROOT) + " does not match profile "
          + profile.name() + " (format = " + profile.format().name().toLowerCase(Locale.ROOT) + ")");
    }
  }

  /** From the command line's --format and --profile (either may be null). */
  public static InputMapping of(String format, String profile) {
    Format f = null;
    if (format != null) {
      try {
        f = Format.valueOf(format.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--format must be csv, jsonl, xes or requests, got '" + format + "'");
      }
    }
    return new InputMapping(f, profile == null ? null : MappingProfile.load(profile));
  }

  public Format formatOf(String fileName) {
    if (format != null) return format;
    if (profile != null) return Format.valueOf(profile.format().name());
    return guess(fileName);
  }

  public static Format guess(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) n = n.substring(0, n.length() - 3);
    if (n.endsWith(".xes")) return Format.XES;
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) return Format.JSONL;
    return Format.CSV;
  }

  /** The profile an XES file is mapped with: the given one, else the shipped generic {@code xes}. */
  public MappingProfile xesProfile() {
    return profile != null ? profile : MappingProfile.load("xes");
  }

  /** The name of a file without folders and without .gz/.xes/.csv/.jsonl endings (${file} in profiles). */
  public static String fileBase(String path) {
    String n = path;
    int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
    if (slash >= 0) n = n.substring(slash + 1);
    String lower = n.toLowerCase(Locale.ROOT);
    for (String ext : new String[] {".gz", ".xes", ".csv", ".jsonl", ".ndjson", ".json", ".txt"}) {
      if (lower.endsWith(ext)) {
        n = n.substring(0, n.length() - ext.length());
        lower = lower.substring(0, lower.length() - ext.length());
      }
    }
    return n;
  }
}
