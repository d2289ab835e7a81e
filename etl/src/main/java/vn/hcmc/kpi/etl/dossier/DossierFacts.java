package vn.hcmc.kpi.etl.dossier;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** One row of the dossiers table (SPEC 5), plus the clock's working values for checking. */
public record DossierFacts(
    String dossierId, String wardCode, String procedureCode, String channel,
    Instant receivedAt, LocalDate receiptDate, LocalDate dueDate, Instant endedAt, String outcome,
    long pausedSeconds, int supplementCount, boolean waitingSupplement, Verdict verdict,
    String holderOfficerId, int integrationErrors, int apologies,
    // added columns
    LocalDate apologyDueDate, Instant adjustedEndAt, Integer resolutionDays, String clockRule,
    String dueSource, Instant becameOverdueAt, String lateOfficerId, int events) implements Serializable {}
