package vn.hcmc.kpi.notebook;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the Jupyter kernelspec ({@code kernel.json}) that starts {@link KpiKernel}:
 * {@code argv} runs this JVM's {@code java} with the kernel's class path, {@code env} sets
 * {@code KPI_HOME} (so notebooks find {@code data/demo/warehouse}), and interrupts are sent as
 * messages (a signal would end the JVM).
 *
 * <p>{@code ./kpi notebook-kernel} runs {@code KernelSpec --out DIR --classpath CP --home ROOT} and
 * then {@code jupyter kernelspec install --user --replace --name kpi-java DIR}; the notebook tests
 * write one into a private {@code JUPYTER_PATH}.
 */
public final class KernelSpec {
  public static final String DISPLAY_NAME = "Java (KPI warehouse)";

  private KernelSpec() {}

  public static void main(String[] args) throws IOException {
    Path out = null;
    String classpath = null;
    Path home = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--out" -> out = Path.of(args[i + 1]);
        case "--classpath" -> classpath = args[i + 1];
        case "--home" -> home = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (out == null || classpath == null || home == null || args.length % 2 != 0) {
      System.err.println("usage: KernelSpec --out DIR --classpath CP --home PROJECT_ROOT");
      System.exit(2);
    }
    Path file = write(out, List.of(classpath.split(File.pathSeparator)), home);
    System.out.println(file);
  }

  /** Writes {@code dir/kernel.json} and returns its path. */
  public static Path write(Path dir, List<String> classpath, Path projectRoot) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("kernel.json");
    Files.writeString(file, json(classpath, projectRoot));
    return file;
  }

  /** The kernelspec for a kernel on {@code classpath}, reading from {@code projectRoot}. */
  public static String json(List<String> classpath, Path projectRoot) {
    List<String> absolute = new ArrayList<>();
    for (String entry : classpath) {
      if (!entry.isBlank()) {
        absolute.add(Path.of(entry).toAbsolutePath().normalize().toString());
      }
    }
    JsonArray argv = new JsonArray();
    argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    argv.add("-Djava.awt.headless=true");
    argv.add("-XX:+UseSerialGC");
    argv.add("-XX:TieredStopAtLevel=1");
    argv.add("-Dfile.encoding=UTF-8");
    argv.add("-cp");
    argv.add(String.join(File.pathSeparator, absolute));
    argv.add(KpiKernel.class.getName());
    argv.add("{connection_file}");
    JsonObject env = new JsonObject();
    env.addProperty("KPI_HOME", projectRoot.toAbsolutePath().normalize().toString());
    JsonObject spec = new JsonObject();
    spec.add("argv", argv);
    spec.addProperty("display_name", DISPLAY_NAME);
    spec.addProperty("language", "java");
    spec.addProperty("interrupt_mode", "message");
    spec.add("env", env);
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
  }
}
