package vn.hcmc.kpi.notebook;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Executes notebooks headless, as the test suite does: {@code jupyter nbconvert --to notebook
 * --execute} with this project's kernel from a private kernelspec folder ({@code JUPYTER_PATH}),
 * so nothing needs to be installed in the user's Jupyter. A notebook fails when nbconvert exits
 * non-zero (it stops at the first cell error) or when the executed copy holds an error output.
 */
public final class NotebookRunner {

  /** The result of one notebook: the executed copy, nbconvert's exit code and its output. */
  public record Outcome(Path notebook, Path executed, int exitCode, String log, Duration took) {
    public boolean ok() {
      return exitCode == 0 && executedHasNoErrors();
    }

    /** The executed notebook has no {@code "output_type": "error"} outputs. */
    public boolean executedHasNoErrors() {
      return Files.isRegularFile(executed) && Notebooks.errorOutputs(executed).isEmpty();
    }

    /** A short explanation for a failure: the error outputs, else the end of nbconvert's log. */
    public String describe() {
      List<String> errors = Files.isRegularFile(executed) ? Notebooks.errorOutputs(executed) : List.of();
      String tail = log.length() > 4000 ? "..." + log.substring(log.length() - 4000) : log;
      return notebook.getFileName() + ": nbconvert exit " + exitCode + " after " + took.toMillis() + " ms"
          + (errors.isEmpty() ? "" : "\ncell errors:\n" + String.join("\n", errors)) + "\n--- nbconvert ---\n" + tail;
    }
  }

  private final Path workDir;
  private final Map<String, String> environment = new LinkedHashMap<>();
  private Duration cellTimeout = Duration.ofSeconds(120);

  /**
   * A runner whose kernel runs on {@code classpath}; {@code workDir} receives the kernelspec,
   * Jupyter's runtime files and the executed notebooks.
   */
  public NotebookRunner(Path workDir, List<String> classpath, Path projectRoot) throws IOException {
    this.workDir = workDir.toAbsolutePath();
    KernelSpec.write(this.workDir.resolve("jupyter/kernels/" + KpiKernel.NAME), classpath, projectRoot);
    environment.put("JUPYTER_PATH", this.workDir.resolve("jupyter").toString());
    environment.put("JUPYTER_RUNTIME_DIR", this.workDir.resolve("runtime").toString());
    environment.put("JUPYTER_PLATFORM_DIRS", "1");
  }

  /** Whether {@code jupyter nbconvert} can be run here. */
  public static boolean jupyterAvailable() {
    try {
      Process p = new ProcessBuilder("jupyter", "nbconvert", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Sets an environment variable for the notebooks (e.g. {@code KPI_WAREHOUSE}). */
  public NotebookRunner env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /** The most one cell may take (default 120 s). */
  public NotebookRunner cellTimeout(Duration timeout) {
    this.cellTimeout = timeout;
    return this;
  }

  /** Executes one notebook into {@code workDir/executed/}. */
  public Outcome run(Path notebook) throws IOException, InterruptedException {
    Path outDir = workDir.resolve("executed");
    Files.createDirectories(outDir);
    String name = notebook.getFileName().toString();
    Path executed = outDir.resolve(name);
    Files.deleteIfExists(executed);
    List<String> command = new ArrayList<>(List.of("jupyter", "nbconvert", "--to", "notebook", "--execute",
        "--ExecutePreprocessor.kernel_name=" + KpiKernel.NAME,
        "--ExecutePreprocessor.timeout=" + cellTimeout.toSeconds(),
        "--output-dir", outDir.toString(), "--output", name, notebook.toAbsolutePath().toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .directory(notebook.toAbsolutePath().getParent().toFile());
    builder.environment().putAll(environment);
    long start = System.nanoTime();
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    boolean finished = process.waitFor(cellTimeout.toSeconds() * 4 + 60, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    return new Outcome(notebook, executed, finished ? process.exitValue() : -1,
        new String(output, java.nio.charset.StandardCharsets.UTF_8), took);
  }

  /** Reading notebook files (nbformat 4 JSON). */
  public static final class Notebooks {
    private Notebooks() {}

    public static JsonObject read(Path notebook) {
      try {
        return JsonParser.parseString(Files.readString(notebook)).getAsJsonObject();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    /** "cell N: ename: evalue" for every error output. */
    public static List<String> errorOutputs(Path notebook) {
      List<String> errors = new ArrayList<>();
      int index = 0;
      for (JsonElement cell : read(notebook).getAsJsonArray("cells")) {
        index++;
        JsonObject c = cell.getAsJsonObject();
        if (!c.has("outputs")) {
          continue;
        }
        for (JsonElement output : c.getAsJsonArray("outputs")) {
          JsonObject o = output.getAsJsonObject();
          if ("error".equals(o.get("output_type").getAsString())) {
            errors.add("cell " + index + ": " + o.get("ename").getAsString() + ": " + o.get("evalue").getAsString());
          }
        }
      }
      return errors;
    }

    /** Code cells that carry outputs or an execution count (a committed notebook has neither). */
    public static List<Integer> cellsWithOutputs(Path notebook) {
      List<Integer> cells = new ArrayList<>();
      int index = 0;
      for (JsonElement cell : read(notebook).getAsJsonArray("cells")) {
        index++;
        JsonObject c = cell.getAsJsonObject();
        boolean outputs = c.has("outputs") && c.getAsJsonArray("outputs").size() > 0;
        boolean counted = c.has("execution_count") && !c.get("execution_count").isJsonNull();
        if (outputs || counted) {
          cells.add(index);
        }
      }
      return cells;
    }
  }
}
