package vn.hcmc.kpi.etl.job;

/**
 * Named crash points for the reliability tests: when the environment variable
 * {@value #ENV} names a point the run reaches, the process halts at once, as if killed with
 * SIGKILL there (no shutdown hooks, no cleanup). Unset in normal use.
 */
public final class Faults {
  public static final String ENV = "KPI_FAULT_AT";
  public static final int HALT_STATUS = 137;
  private static final String TARGET = System.getenv(ENV);

  private Faults() {}

  public static void point(String name) {
    if (name.equals(TARGET)) {
      System.err.println("kpi: fault injected at " + name + ", halting");
      System.err.flush();
      Runtime.getRuntime().halt(HALT_STATUS);
    }
  }
}
