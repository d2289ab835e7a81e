package vn.hcmc.kpi.notebook;

import java.util.List;

/**
 * A cell that did not run: Jupyter shows {@link #traceback()} as the cell's error output, and the
 * execute reply has status {@code error} (so {@code jupyter nbconvert --execute} stops and fails).
 * The simple class name becomes Jupyter's {@code ename}: {@link CompileError} or {@link EvalError}.
 */
public abstract class CellException extends RuntimeException {
  private final List<String> traceback;

  CellException(String message, List<String> traceback, Throwable cause) {
    super(message, cause);
    this.traceback = List.copyOf(traceback);
  }

  /**
   * The short message and the details (source pointer or stack frames): Jupyter's {@code evalue},
   * which {@code nbconvert --execute} prints when it stops at this cell.
   */
  @Override
  public String getLocalizedMessage() {
    List<String> details = traceback.size() > 1 ? traceback.subList(1, traceback.size()) : List.of();
    return getMessage() + (details.isEmpty() ? "" : "\n" + String.join("\n", details).stripTrailing());
  }

  /** No kernel stack: the error's own frames are in {@link #traceback()}. */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }

  /** The lines Jupyter shows for this error (first line: kind and message). */
  public List<String> traceback() {
    return traceback;
  }

  /** Java source that does not compile (or is incomplete); nothing of the cell from it on ran. */
  public static final class CompileError extends CellException {
    CompileError(String message, List<String> traceback) {
      super(message, traceback, null);
    }
  }

  /** The cell threw: message is {@code exception.class.Name: message}. */
  public static final class EvalError extends CellException {
    EvalError(String message, List<String> traceback, Throwable cause) {
      super(message, traceback, cause);
    }
  }
}
