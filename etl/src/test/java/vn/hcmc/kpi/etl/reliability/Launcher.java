package vn.hcmc.kpi.etl.reliability;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code ./kpi} launcher in a subprocess, on the class path of this test JVM. */
final class Launcher {
  static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

  record Result(int exit, String output) {}

  static ProcessBuilder builder(Map<String, String> env, Path log, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ROOT.resolve("kpi").toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().put("KPI_ETL_CLASSPATH", System.getProperty("java.class.path"));
    pb.environment().put("KPI_ETL_JAVA_OPTS", "-Xmx1g");
    pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
        + System.getenv("PATH"));
    pb.environment().putAll(env);
    return pb;
  }

  static Result run(Map<String, String> env, Path log, String... args) throws IOException, InterruptedException {
    Process p = builder(env, log, args).start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("launcher did not finish within 5 minutes: " + String.join(" ", args));
    }
    return new Result(p.exitValue(), Files.readString(log));
  }

  private Launcher() {}
}
