package vn.hcmc.kpi.notebook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.util.TextColor;

/**
 * The project's Jupyter kernel: Java cells evaluated by {@link JavaEvaluator} (JShell in this
 * JVM), on the jjava-jupyter base library (messaging, display, connection). Started by Jupyter as
 * {@code java -cp CLASSPATH vn.hcmc.kpi.notebook.KpiKernel CONNECTION_FILE} (see {@link KernelSpec}).
 *
 * <p>A cell's last expression is shown as its result ({@link Rich} values as HTML/SVG/Markdown,
 * others as text, like JShell prints them); {@link Nb#show} displays during the cell; a compile
 * error or an exception is a Jupyter error (ename {@code CompileError} or {@code EvalError}).
 */
public final class KpiKernel extends BaseKernel {
  public static final String NAME = "kpi-java";

  private final JavaEvaluator evaluator;

  KpiKernel(JavaEvaluator evaluator) {
    super(NAME, "0.1.0",
        new LanguageInfo.Builder("java").version(Runtime.version().toString()).mimetype("text/x-java-source")
            .fileExtension(".jshell").pygments("java").codemirror("text/x-java").build(),
        List.of(new HelpLink("Java API", "https://docs.oracle.com/en/java/javase/17/docs/api/")),
        null, new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(), null, new MagicsRegistry(),
        false, new StringStyler.Builder().addPrimaryStyle(TextColor.BOLD_RED_FG)
            .addSecondaryStyle(TextColor.RED_FG).addHighlightStyle(TextColor.BOLD_RED_FG).build());
    this.evaluator = evaluator;
    evaluator.onInterrupt(Warehouse::cancelRunning);
    Display.setSink(bundle -> display(toDisplayData(bundle)));
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: KpiKernel CONNECTION_FILE   (Jupyter starts this; see ./kpi notebook-kernel)");
      System.exit(2);
    }
    KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
    JupyterConnection connection = new JupyterConnection(properties);
    KpiKernel kernel = new KpiKernel(new JavaEvaluator(JavaEvaluator.jvmClasspath()));
    kernel.becomeHandlerForConnection(connection);
    connection.connect();
    connection.waitUntilClose();
    System.exit(0);
  }

  static DisplayData toDisplayData(Map<String, String> bundle) {
    DisplayData data = new DisplayData();
    bundle.forEach(data::putData);
    return data;
  }

  @Override
  public String getBanner() {
    return "Java " + Runtime.version() + " (JShell) with DuckDB and the KPI warehouse helpers";
  }

  @Override
  public Object evalRaw(String code) {
    return evaluator.eval(code);
  }

  @Override
  public DisplayData eval(String code) {
    JavaEvaluator.Result result = evaluator.eval(code);
    if (!result.hasValue()) {
      return null;
    }
    if (result.value() instanceof Rich rich) {
      return toDisplayData(rich.mimeBundle());
    }
    if (result.value() instanceof DisplayData data) {
      return data;
    }
    return new DisplayData(result.text());
  }

  @Override
  public List<String> formatError(Throwable error) {
    if (error instanceof CellException cell) {
      List<String> lines = new ArrayList<>();
      List<String> traceback = cell.traceback();
      for (int i = 0; i < traceback.size(); i++) {
        lines.add(i == 0 ? errorStyler.primary(traceback.get(i)) : traceback.get(i));
      }
      return lines;
    }
    return super.formatError(error);
  }

  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    String doc = evaluator.documentation(code, at);
    return doc.isEmpty() ? null : new DisplayData(doc);
  }

  @Override
  public ReplacementOptions complete(String code, int at) {
    int[] anchor = {at};
    List<String> options = evaluator.complete(code, at, anchor);
    return options.isEmpty() ? null : new ReplacementOptions(options, anchor[0], at);
  }

  @Override
  public String isComplete(String code) {
    return switch (evaluator.isComplete(code)) {
      case "complete" -> IS_COMPLETE_YES;
      case "invalid" -> IS_COMPLETE_BAD;
      default -> "  ";
    };
  }

  @Override
  public void interrupt() {
    evaluator.interrupt();
  }

  @Override
  public void onShutdown(boolean isRestarting) {
    evaluator.close();
  }
}
