package vn.hcmc.kpi.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every notebook in {@code notebooks/} runs top to bottom, headless, against the fixture warehouse
 * the etl build wrote ({@code etl/target/fixture/warehouse}); any cell error fails its test.
 * Committed notebooks carry no outputs. Skipped (with a message) only when Jupyter is absent.
 */
class NotebooksTest {

  static Path notebooksDir() {
    return KernelClasspath.projectRoot().resolve("notebooks");
  }

  static List<Path> notebooks() throws IOException {
    try (Stream<Path> files = Files.list(notebooksDir())) {
      return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void thereAreNotebooks() throws IOException {
    assertTrue(notebooks().size() >= 4, "notebooks: " + notebooks());
  }

  @TestFactory
  Stream<DynamicTest> committedNotebooksHaveNoOutputsAndUseTheKernel() throws IOException {
    return notebooks().stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> {
      assertEquals(List.of(), NotebookRunner.Notebooks.cellsWithOutputs(nb),
          nb.getFileName() + ": cells with outputs or execution counts; clear them before committing "
              + "(Jupyter: Kernel > Restart & Clear Output, or jupyter nbconvert --clear-output --inplace)");
      JsonObject json = NotebookRunner.Notebooks.read(nb);
      assertEquals(KpiKernel.NAME, json.getAsJsonObject("metadata").getAsJsonObject("kernelspec").get("name")
          .getAsString());
      long markdown = 0;
      for (JsonElement cell : json.getAsJsonArray("cells")) {
        if ("markdown".equals(cell.getAsJsonObject().get("cell_type").getAsString())) {
          markdown++;
        }
      }
      assertTrue(markdown >= 2, nb.getFileName() + " explains itself in Markdown cells");
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyNotebookRunsOnTheFixtureWarehouse(@TempDir Path work) throws IOException {
    assumeTrue(NotebookRunner.jupyterAvailable(),
        "SKIPPED: 'jupyter nbconvert' is not installed (Debian: apt-get install jupyter-nbconvert "
            + "python3-ipykernel); .ci/run installs it, so CI runs the notebooks");
    Path warehouse = Path.of(System.getProperty("fixture.warehouse",
        KernelClasspath.projectRoot().resolve("etl/target/fixture/warehouse").toString()));
    assertTrue(Files.isRegularFile(warehouse.resolve("CURRENT")),
        "no fixture warehouse at " + warehouse + ": the etl module's build writes it (mvn -o -pl etl package)");
    NotebookRunner runner = new NotebookRunner(work, KernelClasspath.entries(), KernelClasspath.projectRoot())
        .env(Warehouse.ENV, warehouse.toString());
    return notebooks().stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> {
      NotebookRunner.Outcome outcome = runner.run(nb);
      assertTrue(outcome.ok(), outcome::describe);
      assertFalse(Files.readString(outcome.executed()).isEmpty());
      System.out.println("notebook " + nb.getFileName() + " ran in " + outcome.took().toMillis() + " ms");
    }));
  }
}
