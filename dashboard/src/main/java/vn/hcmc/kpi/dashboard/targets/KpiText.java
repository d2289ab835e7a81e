package vn.hcmc.kpi.dashboard.targets;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.hcmc.kpi.dashboard.alert.Firing;
import vn.hcmc.kpi.dashboard.system.FigureFormat;

/**
 * KPI values, targets and alert firings in words, in the current language: a rate as a percentage, a
 * score out of 20, a count. Templates use it as {@code @kpiText} (pages) or {@code kpiText} (e-mails).
 */
@Component("kpiText")
public class KpiText {

  private final FigureFormat figures;
  private final MessageSource messages;

  public KpiText(FigureFormat figures, MessageSource messages) {
    this.figures = figures;
    this.messages = messages;
  }

  public String value(String kpiKey, Double value) {
    return value(Targets.byKeyName(kpiKey), value);
  }

  public String value(Kpi kpi, Double value) {
    return switch (kpi.kind()) {
      case FRACTION -> figures.percent(value);
      case SCORE -> figures.score(value);
      case COUNT -> figures.count(value == null ? null : Math.round(value));
      case DECIMAL -> figures.decimal(value, 2);
    };
  }

  public String name(String kpiKey) {
    return text("kpi." + kpiKey);
  }

  /** "Mục tiêu ≥ 95,0 %". */
  public String target(TargetStatus status) {
    return messages.getMessage("target." + status.direction(), new Object[] {value(status.kpi(), status.target())},
        locale());
  }

  /** "Điểm 766: 3,52 / 4", or empty when the target is not scored. */
  public String score(TargetStatus status) {
    return status.points() == null ? "" : messages.getMessage("target.score",
        new Object[] {figures.decimal(status.score(), 2), figures.decimal(status.points(), 0)}, locale());
  }

  /** A firing in one sentence: rule, KPI, condition, value and threshold (and last week's value). */
  public String firing(Firing firing) {
    Object[] args = {firing.ruleId(), name(firing.kpi()), text("alert.condition." + firing.condition()),
        value(firing.kpi(), firing.value()), value(firing.kpi(), firing.threshold()),
        value(firing.kpi(), firing.previous())};
    return messages.getMessage(firing.previous() == null ? "alerts.firing" : "alerts.firing.previous", args, locale());
  }

  private String text(String code) {
    return messages.getMessage(code, null, code, locale());
  }

  private static Locale locale() {
    return LocaleContextHolder.getLocale();
  }
}
