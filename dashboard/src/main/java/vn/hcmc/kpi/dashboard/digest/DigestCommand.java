package vn.hcmc.kpi.dashboard.digest;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.hcmc.kpi.dashboard.DashboardApplication;
import vn.hcmc.kpi.dashboard.city.CityQueries;
import vn.hcmc.kpi.dashboard.warehouse.Warehouse;

/**
 * {@code digest [--week YYYY-MM-DD] [--dry-run DIR] [--name=value ...]}: the Monday digest from the
 * command line, with the dashboard's configuration (users, targets, alerts, SMTP) and Spring's
 * {@code --name=value} options ({@code --kpi.warehouse=DIR}, {@code --spring.profiles.active=demo}).
 * Evaluates the alerts on the current version first, like the scheduled job.
 *
 * <p>Exit codes: 0 every digest sent (or written); 1 some failed or could not be built; 2 usage error.
 */
public final class DigestCommand {

  static final String USAGE = """
      Usage: digest [--week YYYY-MM-DD] [--dry-run DIR] [--name=value ...]

      Builds the Monday digest of every configured recipient (ward leaders and city planners with an
      e-mail), each with the recipient's own permissions, and sends it over SMTP (spring.mail.*), or with
      --dry-run writes it into DIR: <user>.html (the e-mail body), <user>-<file>.xlsx (the attachment)
      and <user>.eml (the whole message). Users already sent the week are skipped when sending.

        --week DATE     the Monday of the week (default: last week, or the warehouse's last complete
                        week when last week has no data)
        --dry-run DIR   write the digests into DIR instead of sending them
        --name=value    any dashboard setting, e.g. --kpi.warehouse=DIR --spring.profiles.active=demo
      """;

  private DigestCommand() {
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    LocalDate week = null;
    Path dryRun = null;
    List<String> spring = new ArrayList<>();
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--help", "-h" -> {
            out.print(USAGE);
            return 0;
          }
          case "--week" -> week = LocalDate.parse(value(args, ++i));
          case "--dry-run" -> dryRun = Path.of(value(args, ++i));
          default -> {
            if (!args[i].startsWith("--") || !args[i].contains("=")) {
              throw new IllegalArgumentException("unknown argument " + args[i]);
            }
            spring.add(args[i]);
          }
        }
      }
      if (week != null && week.getDayOfWeek() != DayOfWeek.MONDAY) {
        throw new IllegalArgumentException("--week must be a Monday; " + week + " is a " + week.getDayOfWeek());
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      err.println("digest: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DashboardApplication.class)
        .web(WebApplicationType.NONE).logStartupInfo(false)
        // the command does one run: no cron, no polling for new versions
        .properties("spring.main.banner-mode=off", "kpi.digest.enabled=false", "kpi.alerts.check-interval=3650d",
            "logging.level.root=WARN")
        .run(spring.toArray(String[]::new))) {
      DigestJob job = context.getBean(DigestJob.class);
      LocalDate chosen = week != null ? week : defaultWeek(context.getBean(Warehouse.class), job.lastWeek());
      DigestJob.Run run = dryRun != null ? job.writeTo(chosen, dryRun) : job.send(chosen);
      for (Delivery d : run.deliveries()) {
        out.printf("%-8s %-16s %-28s %s%n", d.status(), d.username(), d.email(),
            d.status() == Delivery.Status.WRITTEN ? d.unsentFile() : d.error() == null ? d.subject() : d.error());
      }
      out.printf("digest: week of %s: %d recipient(s)%s%n", chosen, run.deliveries().size(),
          dryRun != null ? ", written to " + dryRun.toAbsolutePath() : "");
      return run.count(Delivery.Status.FAILED) > 0 ? 1 : 0;
    }
  }

  /** Last week by the clock (as the scheduled job), or the warehouse's last complete week if it has no data. */
  private static LocalDate defaultWeek(Warehouse warehouse, LocalDate lastWeek) {
    return warehouse.read(snapshot -> snapshot.queryFirst("SELECT 1 FROM ward_weekly WHERE week_start = ? LIMIT 1",
        row -> lastWeek, lastWeek).orElseGet(() -> CityQueries.lastCompleteWeek(snapshot)));
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }
}
