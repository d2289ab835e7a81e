package vn.hcmc.kpi.etl.job;

import java.io.Serializable;

/**
 * A log file to read: where it is, and the name it is known by in rejects and events — the
 * path relative to the folder that holds the given input (so {@code --input /data/logs/events}
 * gives {@code events/events-2026-W02.csv}), which does not depend on where the data sits.
 */
public record InputFile(String uri, String name) implements Serializable {}
