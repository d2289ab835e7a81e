package vn.hcmc.kpi.etl.dossier;

import java.io.Serializable;

/** A dossier-level data-quality finding; the dossier keeps flowing where a reading exists. */
public record Anomaly(String dossierId, String wardCode, String code, String detail) implements Serializable {}
