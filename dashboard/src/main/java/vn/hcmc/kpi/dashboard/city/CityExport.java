package vn.hcmc.kpi.dashboard.city;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import vn.hcmc.kpi.dashboard.city.CityComparison.UnitRow;
import vn.hcmc.kpi.dashboard.export.ExportTable;
import vn.hcmc.kpi.dashboard.export.ExportTable.Builder;
import vn.hcmc.kpi.dashboard.export.ExportTable.Kind;

/** The city comparison as export tables: the ranked units, and integration errors by hour. */
public final class CityExport {

  private final MessageSource messages;
  private final Locale locale;

  public CityExport(MessageSource messages, Locale locale) {
    this.messages = messages;
    this.locale = locale;
  }

  private String text(String code) {
    return messages.getMessage(code, null, locale);
  }

  public List<ExportTable> tables(CityComparison city) {
    Builder units = new Builder("units", text("export.sheet.units")).column(text("col.rank"), Kind.COUNT)
        .column(text("col.unitCode"), Kind.TEXT).column(text("col.unitName"), Kind.TEXT)
        .column(text("col.kind"), Kind.TEXT).column(text("col.formerProvince"), Kind.TEXT)
        .column(text("col.weeks"), Kind.COUNT).column(text("col.received"), Kind.COUNT)
        .column(text("col.resolved"), Kind.COUNT).column(text("col.early"), Kind.COUNT)
        .column(text("col.onTime"), Kind.COUNT).column(text("col.late"), Kind.COUNT)
        .column(text("col.onTimeRate"), Kind.PERCENT).column(text("col.openEnd"), Kind.COUNT)
        .column(text("col.openOverdueEnd"), Kind.COUNT).column(text("col.overdueRate"), Kind.PERCENT)
        .column(text("col.progress766"), Kind.DECIMAL).column(text("col.activeOfficers"), Kind.DECIMAL)
        .column(text("col.loadPerOfficer"), Kind.DECIMAL).column(text("col.resolvedPerOfficer"), Kind.DECIMAL)
        .column(text("col.integrationErrors"), Kind.COUNT).column(text("col.integrationErrorRate"), Kind.PERCENT)
        .column(text("col.afterHoursShare"), Kind.PERCENT);
    for (UnitRow u : city.units()) {
      units.row(u.rank() == null ? null : (long) u.rank(), u.code(), u.name(), u.kind(), u.formerProvince(),
          u.weeks(), u.received(), u.resolved(), u.early(), u.onTime(), u.late(), u.onTimeRate(), u.openEnd(),
          u.openOverdueEnd(), u.overdueRate(), u.progress766(), u.activeOfficers(), u.loadPerOfficer(),
          u.resolvedPerOfficer(), u.integrationErrors(), u.integrationErrorRate(), u.afterHoursShare());
    }
    Builder hours = new Builder("errorsByHour", text("export.sheet.errorsByHour"))
        .column(text("col.hour"), Kind.COUNT).column(text("col.integrationErrors"), Kind.COUNT);
    for (int hour = 0; hour < city.integrationErrorsByHour().size(); hour++) {
      hours.row((long) hour, city.integrationErrorsByHour().get(hour));
    }
    return List.of(units.build(), hours.build());
  }
}
