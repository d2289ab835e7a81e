package vn.hcmc.kpi.etl.model;

/** How a dossier reached the unit. */
public enum Channel { ONLINE, COUNTER, POST }
