package vn.hcmc.kpi.dashboard.warehouse;

import java.nio.file.Path;

/**
 * The warehouse cannot be read: its directory is missing, no version has been published yet
 * ({@code CURRENT} absent or empty), or the published version's folder is missing.
 */
public class WarehouseUnavailableException extends RuntimeException {

  /** Why the warehouse cannot be read; a message key {@code warehouse.unavailable.<reason>} exists for each. */
  public enum Reason { NO_DIRECTORY, NOT_PUBLISHED, VERSION_MISSING, OPEN_FAILED }

  private final Reason reason;
  private final Path path;

  WarehouseUnavailableException(Reason reason, Path path, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.path = path;
  }

  public Reason reason() {
    return reason;
  }

  /** The directory or file that is missing or unreadable. */
  public Path path() {
    return path;
  }
}
