package vn.hcmc.kpi.etl.dossier;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What one dossier contributes to one week of its unit and procedure. Weekly tables are sums
 * of these, so every measure of a table is computed in one aggregation.
 */
public record WeekFact(
    String wardCode, String procedureCode, LocalDate weekStart,
    int received, int receivedOnline, int receivedCounter, int receivedPost, int receivedWithIntegrationError,
    int resolved, int early, int onTime, int late, int withdrawn, int rejected, int noDeadline,
    int openEnd, int openOverdueEnd, Integer resolutionDays, int resolvedWithSupplement,
    int integrationErrors, int apologies, int officerEvents, int afterHoursEvents) implements Serializable {}
