package vn.hcmc.kpi.etl.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Minimal GNU-style argument parsing: --name value, --name v1 v2 for list options, --flag. */
public final class Args {
  private final Map<String, List<String>> values = new HashMap<>();

  private Args() {}

  /**
   * @param known every option the command accepts (without dashes)
   * @param flags options that take no value
   */
  public static Args parse(String[] args, Set<String> known, Set<String> flags) {
    Args a = new Args();
    String current = null;
    for (String arg : args) {
      if (arg.startsWith("--")) {
        String name = arg.substring(2);
        String inline = null;
        int eq = name.indexOf('=');
        if (eq >= 0) { inline = name.substring(eq + 1); name = name.substring(0, eq); }
        if (!known.contains(name)) throw new IllegalArgumentException("unknown option --" + name);
        a.values.computeIfAbsent(name, k -> new ArrayList<>());
        if (inline != null) a.values.get(name).add(inline);
        current = flags.contains(name) || inline != null ? null : name;
      } else {
        if (current == null) throw new IllegalArgumentException("unexpected argument '" + arg + "'");
        a.values.get(current).add(arg);
      }
    }
    for (Map.Entry<String, List<String>> e : a.values.entrySet()) {
      if (!flags.contains(e.getKey()) && e.getValue().isEmpty()) {
        throw new IllegalArgumentException("--" + e.getKey() + " needs a value");
      }
    }
    return a;
  }

  public boolean has(String name) { return values.containsKey(name); }

  public List<String> list(String name) { return values.getOrDefault(name, List.of()); }

  public String get(String name, String dflt) {
    List<String> v = values.get(name);
    if (v == null) return dflt;
    if (v.size() > 1) throw new IllegalArgumentException("--" + name + " takes one value, got " + v);
    return v.get(0);
  }
}
