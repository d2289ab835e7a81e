package vn.hcmc.kpi.etl.reference;

import java.io.Serializable;

/** One of the city's commune-level units (ward, commune or special zone). */
public record Unit(String code, String name, String kind, String formerProvince, String mergedFrom)
    implements Serializable {}
