import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;

/**
 * The DuckDB baseline alone (what ./kpi bench times beside the ETL), N times on a folder of native CSV logs:
 *   java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" bench/tools/Baseline.java Y/events 3
 */
public class Baseline {
  public static void main(String[] args) throws Exception {
    Method run = Class.forName("vn.hcmc.kpi.bench.BenchCommand").getDeclaredMethod("runBaseline", Path.class);
    run.setAccessible(true); // package-private: the bench command's own baseline, not a copy of it
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    for (int i = 1; i <= runs; i++) {
      long start = System.nanoTime();
      List<?> rows = (List<?>) run.invoke(null, Path.of(args[0]));
      System.out.printf("baseline run %d: %.1f s, %d ward-week rows%n", i, (System.nanoTime() - start) / 1e9,
          rows.size());
    }
  }
}
