package vn.hcmc.kpi.dashboard.dossier;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything about one dossier: its facts from {@code dossiers}, its events, who held it when
 * ({@code tasks}), its pauses for supplements, the data-quality flags on it, and why it got its
 * verdict. The body of {@code GET /api/dossiers/{dossierId}}; instants are in local time (UTC+7).
 *
 * @param timeAxisEnd where the page's time axis ends for a dossier still open: the as-of time
 * @param why localized sentences that explain the verdict from the facts
 */
public record DossierTimeline(String warehouseVersion, OffsetDateTime asOf, Facts dossier, List<Event> events,
    List<Holding> holders, List<Pause> pauses, List<Anomaly> anomalies, OffsetDateTime timeAxisEnd,
    List<String> why) {

  /** A row of {@code dossiers}, with the unit's and procedure's names and the officers' names. */
  public record Facts(String dossierId, String wardCode, String unitName, String procedureCode, String procedureName,
      String channel, OffsetDateTime receivedAt, LocalDate receiptDate, LocalDate dueDate, String dueSource,
      String clockRule, OffsetDateTime endedAt, OffsetDateTime adjustedEndAt, String outcome, long pausedSeconds,
      int supplementCount, boolean waitingSupplement, String verdict, OffsetDateTime becameOverdueAt,
      String holderOfficerId, String holderName, String lateOfficerId, String lateOfficerName,
      int integrationErrors, int apologies, LocalDate apologyDueDate, Integer resolutionDays) {
  }

  /** One accepted event, with where it was read from (file name and line). */
  public record Event(OffsetDateTime occurredAt, String type, String officerId, String officerName, String step,
      String channel, OffsetDateTime dueAt, String detail, boolean afterHours, String source, Long line) {
  }

  /** One holding interval (a row of {@code tasks}); {@code endedAt} null while still held. */
  public record Holding(String officerId, String officerName, String step, OffsetDateTime startedAt,
      OffsetDateTime endedAt, Double officeHours, OffsetDateTime stepDueAt, String stepVerdict) {
  }

  /** A supplement pause, from SUPPLEMENT_REQUESTED to SUPPLEMENT_RECEIVED; {@code to} null while waiting. */
  public record Pause(OffsetDateTime from, OffsetDateTime to) {
  }

  /** A {@code data_quality} flag on the dossier. */
  public record Anomaly(String code, String detail) {
  }
}
