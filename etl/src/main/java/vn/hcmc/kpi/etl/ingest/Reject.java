package vn.hcmc.kpi.etl.ingest;

import java.io.Serializable;

/** A row that could not be used: where it was, what it said and why it was refused. */
public record Reject(String source, long line, String raw, RejectReason reason, String message)
    implements Serializable {}
