package vn.hcmc.kpi.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JShell evaluator without Jupyter: values, errors, completeness. */
class JavaEvaluatorTest {
  private static JavaEvaluator java;

  @BeforeAll
  static void start() {
    java = new JavaEvaluator(JavaEvaluator.jvmClasspath());
  }

  @AfterAll
  static void stop() {
    java.close();
  }

  @Test
  void lastExpressionIsTheCellsValue() {
    JavaEvaluator.Result r = java.eval("int a = 20;\nint b = 22;\na + b");
    assertTrue(r.hasValue());
    assertEquals(42, r.value());
    assertEquals("42", r.text());
  }

  @Test
  void declarationsAndStatementsHaveNoValue() {
    assertFalse(java.eval("String s = \"x\";").hasValue());
    assertFalse(java.eval("System.out.print(\"\");").hasValue());
  }

  @Test
  void valuesStayObjectsSoRichOnesRenderAsHtml() {
    JavaEvaluator.Result r = java.eval("html(\"<b>hi</b>\")");
    Rich rich = assertInstanceOf(Rich.class, r.value());
    assertEquals("<b>hi</b>", rich.mimeBundle().get("text/html"));
  }

  @Test
  void helpersDisplayThroughTheSink() {
    List<Map<String, String>> shown = new ArrayList<>();
    Display.setSink(shown::add);
    try {
      java.eval("md(\"**x**\"); show(1, \"two\");");
    } finally {
      Display.setSink(b -> { });
    }
    assertEquals(3, shown.size());
    assertEquals("**x**", shown.get(0).get("text/markdown"));
    assertEquals("two", shown.get(2).get("text/plain"));
  }

  @Test
  void compileErrorsPointAtTheSource() {
    CellException e = assertThrows(CellException.CompileError.class, () -> java.eval("int n = 1;\nnoSuchMethod(n)"));
    assertTrue(e.getMessage().contains("cannot find symbol"), e.getMessage());
    assertTrue(String.join("\n", e.traceback()).contains("noSuchMethod(n)"), e.traceback().toString());
  }

  @Test
  void exceptionsStopTheCellWithTheirClassAndMessage() {
    CellException e = assertThrows(CellException.EvalError.class,
        () -> java.eval("int before = 1;\nObjects.requireNonNull(null, \"no warehouse\");\nint after = 2;"));
    assertEquals("java.lang.NullPointerException: no warehouse", e.getMessage());
    // the cell stopped: 'after' was never declared
    assertThrows(CellException.CompileError.class, () -> java.eval("after"));
    assertEquals(1, java.eval("before").value());
  }

  @Test
  void anUnfinishedCellIsAnError() {
    assertThrows(CellException.CompileError.class, () -> java.eval("for (int i = 0; i < 3; i++) {"));
    assertEquals("incomplete", java.isComplete("for (int i = 0; i < 3; i++) {"));
    assertEquals("complete", java.isComplete("int q = 3;"));
  }

  @Test
  void methodsAndClassesCanBeDeclared() {
    java.eval("record P(String ward, double rate) {}\nstatic double twice(double d) { return 2 * d; }");
    assertEquals(1.5, java.eval("twice(new P(\"26782\", 0.75).rate())").value());
  }

  @Test
  void completesNames() {
    int[] anchor = new int[1];
    assertTrue(java.complete("Warehouse.op", 12, anchor).contains("open("), "completion of Warehouse.op");
    assertEquals(10, anchor[0]);
  }
}
