package vn.hcmc.kpi.etl.model;

import java.io.Serializable;
import java.time.Instant;

/**
 * One accepted, typed event of a processing log, with where it came from.
 * {@code dueAt} is the appointment date on RECEIVED, the new date on APOLOGY_ISSUED and the
 * step deadline on ASSIGNED.
 */
public record LogEvent(String eventId, String dossierId, String wardCode, String procedureCode,
                       EventType type, Instant occurredAt, String officerId, String step,
                       Channel channel, Instant dueAt, String detail, String source, long line)
    implements Serializable {}
