package vn.hcmc.kpi.etl.dossier;

import java.io.Serializable;
import java.time.Instant;

/** One holding interval of a dossier by an officer (SPEC 4, 5). ended_at is null while held. */
public record Task(String wardCode, String dossierId, String officerId, String step, Instant startedAt,
                   Instant endedAt, double officeHours, Instant stepDueAt, String stepVerdict)
    implements Serializable {}
