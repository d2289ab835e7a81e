package vn.hcmc.kpi.notebook;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The class path the notebook tests give the kernel: this module, its dependencies, etl's classes. */
final class KernelClasspath {
  private KernelClasspath() {}

  static Path projectRoot() {
    return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
  }

  static List<String> entries() throws IOException {
    List<String> cp = new ArrayList<>();
    cp.add(System.getProperty("kernel.classes", "target/classes"));
    Path file = Path.of(System.getProperty("kernel.classpath.file", "target/classpath.txt"));
    cp.addAll(List.of(Files.readString(file).trim().split(File.pathSeparator)));
    cp.add(projectRoot().resolve("etl/target/classes").toString());
    return cp;
  }
}
