package vn.hcmc.kpi.dashboard.digest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import vn.hcmc.kpi.dashboard.alert.AlertStore;
import vn.hcmc.kpi.dashboard.city.CityComparison;
import vn.hcmc.kpi.dashboard.city.CityExport;
import vn.hcmc.kpi.dashboard.city.CityQueries;
import vn.hcmc.kpi.dashboard.city.RankKey;
import vn.hcmc.kpi.dashboard.export.Downloads;
import vn.hcmc.kpi.dashboard.export.ExportTable;
import vn.hcmc.kpi.dashboard.export.XlsxWriter;
import vn.hcmc.kpi.dashboard.security.Role;
import vn.hcmc.kpi.dashboard.system.FigureFormat;
import vn.hcmc.kpi.dashboard.targets.KpiText;
import vn.hcmc.kpi.dashboard.targets.Targets;
import vn.hcmc.kpi.dashboard.warehouse.Warehouse;
import vn.hcmc.kpi.dashboard.ward.WardReviews;
import vn.hcmc.kpi.dashboard.ward.WardWeekExport;
import vn.hcmc.kpi.dashboard.ward.WardWeeklyReview;

/**
 * Renders a recipient's digest for a week: a ward leader's ward review, or the city ranking for a
 * planner. Everything is read while signed in as the recipient ({@link #asRecipient}), through the same
 * code as the pages and exports ({@link WardReviews}, {@link CityQueries}), so the scope check and the
 * officer-name rules are those the recipient gets on the dashboard.
 */
@Component
class DigestBuilder {

  /** Lists in the e-mail body stop here; the attachment has them all. */
  static final int LIST_LIMIT = 15;

  private final Warehouse warehouse;
  private final WardReviews reviews;
  private final Targets targets;
  private final AlertStore alerts;
  private final MessageSource messages;
  private final ITemplateEngine templates;
  private final FigureFormat figures;
  private final KpiText kpiText;
  private final DigestSettings settings;

  DigestBuilder(Warehouse warehouse, WardReviews reviews, Targets targets, AlertStore alerts, MessageSource messages,
      ITemplateEngine templates, FigureFormat figures, KpiText kpiText, DigestSettings settings) {
    this.warehouse = warehouse;
    this.reviews = reviews;
    this.targets = targets;
    this.alerts = alerts;
    this.messages = messages;
    this.templates = templates;
    this.figures = figures;
    this.kpiText = kpiText;
    this.settings = settings;
  }

  Digest build(Recipient recipient, LocalDate weekStart) {
    Locale locale = settings.locale();
    return asRecipient(recipient, locale, () -> recipient.role() == Role.WARD_LEADER
        ? ward(recipient, weekStart, locale) : city(recipient, weekStart, locale));
  }

  private Digest ward(Recipient recipient, LocalDate weekStart, Locale locale) {
    WardWeeklyReview review = warehouse.read(snapshot -> reviews.review(snapshot, recipient.unit(), weekStart, locale));
    Context context = context(recipient, locale);
    context.setVariable("review", review);
    context.setVariable("headline", DigestLines.headline(review, kpiText, figures, messages, locale));
    context.setVariable("lateProcedures", review.procedures().stream()
        .filter(p -> p.late() > 0 || p.openOverdueEnd() > 0).limit(LIST_LIMIT).toList());
    context.setVariable("link", settings.baseUrl() + "/wards/" + review.unit().code() + "/weeks/" + weekStart);
    String subject = messages.getMessage("digest.subject.ward", new Object[] {review.unit().name(),
        figures.dayMonth(weekStart), figures.date(review.weekEnd())}, locale);
    List<ExportTable> tables = new WardWeekExport(messages, locale).tables(review);
    return new Digest(recipient, weekStart, subject, templates.process("digest/ward", context),
        List.of(xlsx(tables, "ward-" + review.unit().code() + "-" + weekStart)));
  }

  private Digest city(Recipient recipient, LocalDate weekStart, Locale locale) {
    CityComparison city = warehouse.read(snapshot -> CityQueries.compare(snapshot, weekStart, weekStart, null, null,
        RankKey.progress766));
    Context context = context(recipient, locale);
    context.setVariable("city", city);
    context.setVariable("weekEnd", weekStart.plusDays(6));
    context.setVariable("alerts", alerts.ofWeek(weekStart));
    context.setVariable("link", settings.baseUrl() + "/city/weeks/" + weekStart);
    String subject = messages.getMessage("digest.subject.city", new Object[] {figures.dayMonth(weekStart),
        figures.date(weekStart.plusDays(6))}, locale);
    return new Digest(recipient, weekStart, subject, templates.process("digest/city", context),
        List.of(xlsx(new CityExport(messages, locale).tables(city), "city-" + weekStart)));
  }

  private Context context(Recipient recipient, Locale locale) {
    Context context = new Context(locale);
    context.setVariables(Map.of("recipient", recipient, "figures", figures, "targets", targets, "kpiText", kpiText,
        "style", new DigestStyle(), "baseUrl", settings.baseUrl(), "listLimit", LIST_LIMIT));
    return context;
  }

  private static Digest.Attachment xlsx(List<ExportTable> tables, String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XlsxWriter.write(tables, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Digest.Attachment(name + ".xlsx", Downloads.XLSX.toString(), out.toByteArray());
  }

  /**
   * Runs {@code work} signed in as the recipient (their own authorities) and in the digest's language,
   * then puts back whatever the thread had: the scheduler's thread has no user, a test's may have one.
   */
  static <T> T asRecipient(Recipient recipient, Locale locale, Supplier<T> work) {
    SecurityContext previous = SecurityContextHolder.getContext();
    Locale previousLocale = LocaleContextHolder.getLocale();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(recipient.authentication());
    SecurityContextHolder.setContext(context);
    LocaleContextHolder.setLocale(locale);
    try {
      return work.get();
    } finally {
      SecurityContextHolder.setContext(previous);
      LocaleContextHolder.setLocale(previousLocale);
    }
  }
}
