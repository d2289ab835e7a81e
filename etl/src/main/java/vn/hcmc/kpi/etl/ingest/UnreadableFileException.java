package vn.hcmc.kpi.etl.ingest;

import java.io.IOException;

/** A whole file cannot be read: the run fails, naming the file; nothing is published. */
public final class UnreadableFileException extends RuntimeException {
  private final String source;

  public UnreadableFileException(String source, String reason) {
    super("cannot read " + source + ": " + reason);
    this.source = source;
  }

  public UnreadableFileException(String source, IOException cause) {
    super("cannot read " + source + ": " + describe(cause), cause);
    this.source = source;
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    if (e instanceof java.io.EOFException) return "the file ends early (truncated?)" + (m == null ? "" : " — " + m);
    if (e instanceof java.util.zip.ZipException) return "not a valid gzip file — " + m;
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  public String source() { return source; }
}
