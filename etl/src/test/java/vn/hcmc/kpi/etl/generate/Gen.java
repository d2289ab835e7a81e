package vn.hcmc.kpi.etl.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.hcmc.kpi.etl.reference.ReferenceData;

/** Test helpers: generate into memory. */
final class Gen {
  static final ReferenceData REF = ReferenceData.defaults();
  static final LogGenerator GENERATOR = new LogGenerator(REF);

  record Run(GenerationResult result, List<LogEvent> rows) {}

  static Run run(List<String> units, String from, String to, long seed) {
    return run(new GeneratorOptions(units, LocalDate.parse(from), LocalDate.parse(to), 1.0, seed));
  }

  static Run run(GeneratorOptions o) {
    List<LogEvent> rows = new ArrayList<>();
    try {
      GenerationResult r = GENERATOR.generate(o, (name, monday, events) -> rows.addAll(events));
      return new Run(r, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> allUnits() {
    List<String> all = new ArrayList<>(REF.units().keySet());
    all.sort(null);
    return all;
  }

  /** Every k-th unit in code order: a spread of wards and communes. */
  static List<String> everyKth(int k) {
    List<String> all = allUnits();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += k) out.add(all.get(i));
    return out;
  }
}
