package vn.hcmc.kpi.dashboard.ward;

/** A commune-level unit of the city (ward, commune or special zone), from the {@code units} table. */
public record Unit(String code, String name) {
}
