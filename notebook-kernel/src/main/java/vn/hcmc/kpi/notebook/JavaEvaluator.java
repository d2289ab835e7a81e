package vn.hcmc.kpi.notebook;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Evaluates notebook cells as Java through JShell, in this JVM: snippet classes load with the
 * system class loader as parent, so they see the kernel's class path (DuckDB, the etl module's
 * classes, this module's helpers) and share its static state ({@link Display}).
 *
 * <p>A cell is split into complete snippets, run in order; the first one that does not compile or
 * throws stops the cell with a {@link CellException}. The value of the last snippet, when it is an
 * expression, is the cell's result ({@link Result}), kept as the object itself so the kernel can
 * show {@link Rich} values as HTML or images.
 */
public final class JavaEvaluator implements AutoCloseable {

  /** Imports every cell starts with. */
  public static final List<String> DEFAULT_IMPORTS = List.of(
      "import java.util.*;",
      "import java.util.stream.*;",
      "import java.time.*;",
      "import java.sql.*;",
      "import vn.hcmc.kpi.notebook.*;",
      "import static vn.hcmc.kpi.notebook.Nb.*;");

  /** A cell's result: {@code hasValue} is false when the last snippet was not an expression. */
  public record Result(boolean hasValue, Object value, String text) {
    static final Result NONE = new Result(false, null, "");
  }

  private final JShell shell;
  private final SourceCodeAnalysis analysis;
  private final CapturingControl control;
  private final List<Runnable> interruptHooks = new CopyOnWriteArrayList<>();

  /** A JShell whose compiler sees {@code classpath} (entries are files or folders). */
  public JavaEvaluator(List<String> classpath) {
    CapturingControl[] created = new CapturingControl[1];
    ExecutionControlProvider provider = new ExecutionControlProvider() {
      @Override
      public String name() {
        return "kpi-local";
      }

      @Override
      public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        created[0] = new CapturingControl();
        return created[0];
      }
    };
    this.shell = JShell.builder().executionEngine(provider, Map.of()).build();
    this.control = created[0];
    this.analysis = shell.sourceCodeAnalysis();
    for (String entry : classpath) {
      if (!entry.isBlank() && new File(entry).exists()) {
        shell.addToClasspath(entry);
      }
    }
    for (String line : DEFAULT_IMPORTS) {
      eval(line);
    }
  }

  /** The class path of this JVM, as a list. */
  public static List<String> jvmClasspath() {
    return List.of(System.getProperty("java.class.path", "").split(File.pathSeparator));
  }

  /** Runs interrupt hooks (e.g. cancelling a running SQL query) when the user interrupts. */
  public void onInterrupt(Runnable hook) {
    interruptHooks.add(hook);
  }

  /**
   * Runs one cell.
   *
   * @throws CellException.CompileError when a snippet does not compile or the cell ends mid-statement
   * @throws CellException.EvalError when a snippet throws
   */
  public Result eval(String cell) {
    Result result = Result.NONE;
    SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(cell);
    while (info.completeness().isComplete()) {
      result = evalSnippet(info.source());
      info = analysis.analyzeCompletion(info.remaining());
    }
    if (info.completeness() != SourceCodeAnalysis.Completeness.EMPTY) {
      String rest = info.remaining().trim();
      throw new CellException.CompileError("incomplete code: " + firstLine(rest),
          List.of("CompileError: the cell ends in the middle of a statement (missing ';', ')' or '}'?)", "", rest));
    }
    return result;
  }

  private Result evalSnippet(String source) {
    control.reset();
    List<SnippetEvent> events = shell.eval(source);
    Result result = Result.NONE;
    for (SnippetEvent event : events) {
      if (event.causeSnippet() != null) {
        continue;
      }
      Snippet snippet = event.snippet();
      JShellException thrown = event.exception();
      if (thrown != null) {
        throw evalError(thrown, source);
      }
      if (event.status() == Snippet.Status.REJECTED || !event.status().isDefined()) {
        throw compileError(snippet, source);
      }
      switch (snippet.subKind()) {
        case VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND, TEMP_VAR_EXPRESSION_SUBKIND ->
            result = control.hasValue()
                ? new Result(true, control.value(), event.value() == null ? "" : event.value())
                : Result.NONE;
        default -> result = Result.NONE;
      }
    }
    return result;
  }

  private CellException compileError(Snippet snippet, String source) {
    List<Diag> diagnostics = shell.diagnostics(snippet).collect(Collectors.toList());
    List<String> lines = new ArrayList<>();
    String first = null;
    for (Diag diag : diagnostics) {
      if (!diag.isError()) {
        continue;
      }
      String message = diag.getMessage(Locale.ROOT);
      if (first == null) {
        first = firstLine(message);
      }
      lines.add("CompileError: " + message);
      lines.addAll(pointAt(snippet.source(), (int) diag.getStartPosition(), (int) diag.getEndPosition()));
      lines.add("");
    }
    if (first == null) {
      // e.g. a method whose body refers to something not yet declared
      List<String> unresolved = snippet instanceof jdk.jshell.DeclarationSnippet declaration
          ? shell.unresolvedDependencies(declaration).collect(Collectors.toList()) : List.of();
      first = unresolved.isEmpty() ? "not defined: " + firstLine(source.trim()) : "cannot find " + unresolved;
      lines.add("CompileError: " + first);
      lines.add(source.trim());
    }
    return new CellException.CompileError(first, lines);
  }

  /** The source line of [start, end) with a caret line under it. */
  private static List<String> pointAt(String source, int start, int end) {
    if (start < 0 || start > source.length()) {
      return List.of(source.trim());
    }
    int lineStart = source.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
    if (start == 0) {
      lineStart = 0;
    }
    int lineEnd = source.indexOf('\n', start);
    if (lineEnd < 0) {
      lineEnd = source.length();
    }
    int lineNo = (int) source.substring(0, lineStart).chars().filter(c -> c == '\n').count() + 1;
    String prefix = "  line " + lineNo + ": ";
    int width = Math.max(1, Math.min(end, lineEnd) - start);
    return List.of(prefix + source.substring(lineStart, lineEnd),
        " ".repeat(prefix.length() + start - lineStart) + "^".repeat(width));
  }

  private static CellException evalError(JShellException thrown, String source) {
    String message;
    if (thrown instanceof EvalException e) {
      message = e.getExceptionClassName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    } else if (thrown instanceof UnresolvedReferenceException u) {
      message = "UnresolvedReference: " + u.getSnippet().source().trim() + " uses something not declared yet";
    } else {
      message = thrown.toString();
    }
    List<String> lines = new ArrayList<>();
    lines.add(message);
    appendFrames(thrown, lines);
    Throwable cause = thrown.getCause();
    int depth = 0;
    while (cause != null && depth++ < 5) {
      String name = cause instanceof EvalException ee ? ee.getExceptionClassName() : cause.getClass().getName();
      lines.add("Caused by: " + name + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
      appendFrames(cause, lines);
      cause = cause.getCause();
    }
    return new CellException.EvalError(message, lines, thrown);
  }

  private static void appendFrames(Throwable t, List<String> lines) {
    int shown = 0;
    for (StackTraceElement frame : t.getStackTrace()) {
      String cls = frame.getClassName();
      if (cls.startsWith("jdk.internal.reflect") || cls.startsWith("java.lang.reflect")
          || cls.startsWith("jdk.jshell") || cls.startsWith(JavaEvaluator.class.getName())) {
        continue;
      }
      if (shown++ == 12) {
        lines.add("\t...");
        break;
      }
      boolean snippet = cls.isEmpty() || cls.startsWith("REPL.");
      lines.add(snippet ? "\tat cell code (snippet " + frame.getFileName() + ", line " + frame.getLineNumber() + ")"
          : "\tat " + frame);
    }
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  /** Jupyter's is_complete: "complete", "incomplete" (with the indent to use), or "invalid". */
  public String isComplete(String code) {
    SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(code);
    while (info.completeness().isComplete()) {
      info = analysis.analyzeCompletion(info.remaining());
    }
    return switch (info.completeness()) {
      case EMPTY, COMPLETE, COMPLETE_WITH_SEMI -> "complete";
      case CONSIDERED_INCOMPLETE, DEFINITELY_INCOMPLETE -> "incomplete";
      case UNKNOWN -> "invalid";
    };
  }

  /** Completions at {@code cursor}; {@code anchor[0]} receives where the replaced text starts. */
  public List<String> complete(String code, int cursor, int[] anchor) {
    return analysis.completionSuggestions(code, cursor, anchor).stream()
        .map(SourceCodeAnalysis.Suggestion::continuation).distinct().collect(Collectors.toList());
  }

  /** Signatures and Javadoc of what is at {@code cursor}, or "" when nothing is known. */
  public String documentation(String code, int cursor) {
    return analysis.documentation(code, cursor, true).stream()
        .map(d -> d.javadoc() == null ? d.signature() : d.signature() + "\n" + d.javadoc())
        .collect(Collectors.joining("\n\n"));
  }

  /** Interrupts the running cell: hooks first (cancel queries), then the cell's thread. */
  public void interrupt() {
    for (Runnable hook : interruptHooks) {
      try {
        hook.run();
      } catch (RuntimeException ignored) {
        // best effort
      }
    }
    control.interruptRunning();
  }

  @Override
  public void close() {
    shell.close();
  }

  /**
   * Runs snippets in this JVM (like JShell's local engine) on a worker thread, keeping the value
   * of the last one as an object.
   */
  private static final class CapturingControl extends DirectExecutionControl {
    private volatile Thread worker;
    private volatile boolean hasValue;
    private volatile Object value;

    void reset() {
      hasValue = false;
      value = null;
    }

    boolean hasValue() {
      return hasValue;
    }

    Object value() {
      return value;
    }

    @Override
    protected String invoke(Method doit) throws Exception {
      AtomicReference<Object> result = new AtomicReference<>();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread thread = new Thread(() -> {
        try {
          result.set(doit.invoke(null));
        } catch (Throwable t) {
          failure.set(t);
        }
      }, "notebook-cell");
      thread.setContextClassLoader(doit.getDeclaringClass().getClassLoader());
      worker = thread;
      thread.start();
      try {
        thread.join();
      } finally {
        worker = null;
      }
      Throwable t = failure.get();
      if (t instanceof InvocationTargetException ite && ite.getCause() instanceof ThreadDeath) {
        throw new InvocationTargetException(new InterruptedException("the cell was interrupted"));
      }
      if (t instanceof Exception e) {
        throw e;
      }
      if (t != null) {
        throw new InvocationTargetException(t);
      }
      value = result.get();
      hasValue = true;
      return valueString(value);
    }

    @SuppressWarnings({"deprecation", "removal"})
    void interruptRunning() {
      Thread thread = worker;
      if (thread == null) {
        return;
      }
      thread.interrupt();
      try {
        thread.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (thread.isAlive()) {
        try {
          thread.stop();
        } catch (UnsupportedOperationException ignored) {
          // Java 20+: a cell stuck in a loop can only be stopped by restarting the kernel
        }
      }
    }
  }
}
