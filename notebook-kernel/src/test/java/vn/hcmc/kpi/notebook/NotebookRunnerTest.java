package vn.hcmc.kpi.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headless runner can fail: a notebook with a bad cell (an exception, or code that does not
 * compile) makes it fail and names the error; a good one passes.
 */
class NotebookRunnerTest {

  @BeforeAll
  static void needsJupyter() {
    assumeTrue(NotebookRunner.jupyterAvailable(),
        "SKIPPED: 'jupyter nbconvert' is not installed (Debian: apt-get install jupyter-nbconvert "
            + "python3-ipykernel); .ci/run installs it, so CI runs these tests");
  }

  static Path notebook(Path dir, String name, String... cells) throws Exception {
    JsonArray array = new JsonArray();
    for (String source : cells) {
      JsonObject cell = new JsonObject();
      cell.addProperty("cell_type", "code");
      cell.addProperty("id", "c" + array.size());
      cell.add("metadata", new JsonObject());
      cell.addProperty("source", source);
      cell.add("outputs", new JsonArray());
      cell.add("execution_count", JsonNull.INSTANCE);
      array.add(cell);
    }
    JsonObject kernelspec = new JsonObject();
    kernelspec.addProperty("name", KpiKernel.NAME);
    kernelspec.addProperty("display_name", KernelSpec.DISPLAY_NAME);
    kernelspec.addProperty("language", "java");
    JsonObject metadata = new JsonObject();
    metadata.add("kernelspec", kernelspec);
    JsonObject nb = new JsonObject();
    nb.add("cells", array);
    nb.add("metadata", metadata);
    nb.addProperty("nbformat", 4);
    nb.addProperty("nbformat_minor", 5);
    Path file = dir.resolve(name);
    Files.writeString(file, nb.toString());
    return file;
  }

  /** One kernel start per notebook: a passing and two failing notebooks. */
  @Test
  void failsOnABadCellAndPassesAGoodNotebook(@TempDir Path dir) throws Exception {
    NotebookRunner runner = new NotebookRunner(dir, KernelClasspath.entries(), KernelClasspath.projectRoot());

    Path good = notebook(dir, "good.ipynb", "int x = 6 * 7;", "x", "show(html(\"<b>ok</b>\"));");
    NotebookRunner.Outcome ok = runner.run(good);
    assertTrue(ok.ok(), ok::describe);
    assertTrue(Files.readString(ok.executed()).contains("<b>ok</b>"), "the executed copy holds the outputs");

    Path throwing = notebook(dir, "throws.ipynb", "int x = 1;", "if (x == 1) throw new IllegalStateException(\"bad cell\");",
        "System.out.println(\"never runs\");");
    NotebookRunner.Outcome thrown = runner.run(throwing);
    assertFalse(thrown.ok(), "a cell that throws must fail the notebook");
    assertTrue(thrown.exitCode() != 0);
    assertTrue(thrown.log().contains("java.lang.IllegalStateException: bad cell"), thrown::describe);
    assertFalse(thrown.log().contains("never runs"));

    Path broken = notebook(dir, "broken.ipynb", "int y = ;");
    NotebookRunner.Outcome compile = runner.run(broken);
    assertFalse(compile.ok(), "a cell that does not compile must fail the notebook");
    assertTrue(compile.log().contains("CompileError"), compile::describe);
  }

  @Test
  void theCommittedCheckSeesOutputs(@TempDir Path dir) throws Exception {
    Path clean = notebook(dir, "clean.ipynb", "1 + 1");
    assertEquals(List.of(), NotebookRunner.Notebooks.cellsWithOutputs(clean));
    String withOutputs = Files.readString(clean).replace("\"execution_count\":null", "\"execution_count\":1");
    Files.writeString(clean, withOutputs);
    assertEquals(List.of(1), NotebookRunner.Notebooks.cellsWithOutputs(clean));
  }
}
