package vn.hcmc.kpi.etl.dossier;

import java.io.Serializable;
import java.util.List;
import vn.hcmc.kpi.etl.model.LogEvent;

/** Everything the clock makes of one dossier. */
public record FoldResult(DossierFacts facts, List<LogEvent> events, List<Boolean> eventAfterHours,
                         List<Task> tasks, List<PauseInterval> pauses, List<Anomaly> anomalies, List<WeekFact> weeks,
                         List<OfficerFact> officers, int duplicates) implements Serializable {}
