package vn.hcmc.kpi.etl.dossier;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What one dossier contributes to one officer's week: a task started or completed (with its
 * office hours), a dossier held open at the week's end, a late attribution, a supplement request,
 * or an action logged (after hours or not).
 */
public record OfficerFact(
    String wardCode, String officerId, LocalDate weekStart,
    int tasksStarted, int tasksCompleted, Double completedTaskHours, int openTasksEnd, int overdueHeldEnd,
    int lateAttributed, int supplementsRequested, int events, int afterHoursEvents) implements Serializable {}
