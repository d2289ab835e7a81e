package vn.hcmc.kpi.etl.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import vn.hcmc.kpi.etl.job.RunManifest;
import vn.hcmc.kpi.etl.job.WarehousePublisher;

/** {@code kpi runs}: the warehouse's versions, newest first, which one is published and what each run read. */
public final class RunsCommand {
  static final String USAGE = """
      Usage: kpi runs --warehouse DIR|URI

      Lists the versions kept in the warehouse, newest first: * marks the published one (CURRENT);
      a version without _SUCCESS is an unfinished run that readers never see.
      """;

  private RunsCommand() {}

  public static int run(String[] argv, PrintStream out, PrintStream err) {
    String warehouse;
    try {
      Args a = Args.parse(argv, Set.of("warehouse", "help"), Set.of("help"));
      if (a.has("help")) { out.print(USAGE); return 0; }
      warehouse = a.get("warehouse", null);
      if (warehouse == null) throw new IllegalArgumentException("--warehouse is required");
    } catch (IllegalArgumentException e) {
      err.println("kpi runs: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
    WarehousePublisher wh;
    List<String> ids;
    try {
      wh = new WarehousePublisher(warehouse, 1);
      if (!wh.fs().isDirectory(WarehousePublisher.VERSIONS)) {
        err.println("kpi runs: no versions in " + wh.location() + " (nothing has been published there)");
        return 1;
      }
      ids = new ArrayList<>(wh.versions());
    } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
      err.println("kpi runs: " + e.getMessage());
      return 1;
    }
    Collections.reverse(ids);
    String current = wh.current();
    out.printf("%-1s %-29s %-10s %-20s %12s %12s %9s %10s %10s  %s%n", "", "version", "state", "as_of", "rows_read",
        "accepted", "rejected", "duplicates", "dossiers", "finished_at");
    for (String id : ids) {
      boolean complete = wh.isComplete(id);
      String mark = id.equals(current) ? "*" : "";
      RunManifest m = wh.manifest(id);
      String state = id.equals(current) ? "published" : complete ? "kept" : "unfinished";
      if (m == null) {
        out.printf("%-1s %-29s %-10s%n", mark, id, state);
      } else {
        out.printf("%-1s %-29s %-10s %-20s %12d %12d %9d %10d %10d  %s%n", mark, id, state, shorten(m.asOf()),
            m.rowsRead(), m.accepted(), m.rejected(), m.duplicates(), m.dossiers(), shorten(m.finishedAt()));
      }
    }
    return 0;
  }

  private static String shorten(String instant) {
    return instant == null ? "" : instant.length() > 19 ? instant.substring(0, 19) + "Z" : instant;
  }
}
