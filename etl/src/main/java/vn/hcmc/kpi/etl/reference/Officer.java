package vn.hcmc.kpi.etl.reference;

import java.io.Serializable;

public record Officer(String officerId, String displayName, String unitCode, String role)
    implements Serializable {}
