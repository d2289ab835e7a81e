package vn.hcmc.kpi.etl.dossier;

import java.io.Serializable;
import java.time.Instant;

/**
 * One supplement pause of a dossier: asked at {@code requestedAt}, supplement received at
 * {@code receivedAt} (null if it never came), closed at {@code closedAt} (the arrival, or the end
 * of processing when it never came; null while still waiting), and the seconds of it counted in
 * the dossier's paused time.
 */
public record PauseInterval(String wardCode, String dossierId, Instant requestedAt, Instant receivedAt,
                            Instant closedAt, long countedSeconds) implements Serializable {}
