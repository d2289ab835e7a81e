package vn.hcmc.kpi.etl.profile;

import java.io.Serializable;

/**
 * Where a profile takes a value from: {@code trace:NAME} (an XES trace attribute; in re-exports
 * that copy case attributes onto events, the event attribute {@code (case)_NAME} is used when the
 * trace has none), {@code event:NAME} (an XES event attribute), {@code column:NAME} (a column of a
 * request-level CSV, matched case-insensitively), {@code constant:VALUE}, or {@code file} (the
 * file's name without its extensions, e.g. municipality3 for municipality3.xes.gz).
 */
public record AttributeRef(Kind kind, String name) implements Serializable {

  public enum Kind { TRACE, EVENT, COLUMN, CONSTANT, FILE }

  public static AttributeRef parse(String text, String key) {
    String t = text.strip();
    if (t.equals("file")) return new AttributeRef(Kind.FILE, null);
    int colon = t.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(key + ": '" + t
          + "' must be trace:NAME, event:NAME, column:NAME, constant:VALUE or file");
    }
    String prefix = t.substring(0, colon);
    String name = t.substring(colon + 1).strip();
    Kind kind = switch (prefix) {
      case "trace", "case" -> Kind.TRACE;
      case "event" -> Kind.EVENT;
      case "column" -> Kind.COLUMN;
      case "constant" -> Kind.CONSTANT;
      default -> throw new IllegalArgumentException(key + ": unknown source '" + prefix
          + ":' (use trace:, event:, column:, constant: or file)");
    };
    if (name.isEmpty()) throw new IllegalArgumentException(key + ": '" + t + "' names nothing");
    return new AttributeRef(kind, name);
  }

  @Override public String toString() {
    return kind == Kind.FILE ? "file" : kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + name;
  }
}
