package vn.hcmc.kpi.dashboard.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's ChromeDriver, both at fixed paths: nothing is
 * downloaded (with the driver path set, Selenium Manager is never asked for one). Tests are skipped,
 * visibly, only when Chromium is not installed; a missing driver with Chromium present fails.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final ChromeDriver driver;
  final Path downloads;
  private final Path profile;

  private Browser(ChromeDriver driver, Path downloads, Path profile) {
    this.driver = driver;
    this.downloads = downloads;
    this.profile = profile;
  }

  static void assumeChromium() {
    assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM + ": browser tests skipped");
  }

  static Browser start() throws IOException {
    assumeChromium();
    Path profile = Files.createTempDirectory("kpi-chromium-profile");
    Path downloads = Files.createTempDirectory("kpi-chromium-downloads");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1366,1000", "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
        "download.prompt_for_download", false, "safebrowsing.enabled", false));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    return new Browser(driver, downloads, profile);
  }

  private boolean signedIn;

  /**
   * Signs in through the real sign-in form (once per browser): the user name and password typed into
   * the form, submitted with its CSRF token, then the session cookie carries on.
   */
  void signIn(int port, String username, String password) {
    if (signedIn) {
      return;
    }
    driver.get("http://localhost:" + port + "/login");
    driver.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
    driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
    driver.findElement(org.openqa.selenium.By.id("login-submit")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    signedIn = true;
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** The option of the ECharts instance drawn in the element with that id, as JSON-like maps and lists. */
  @SuppressWarnings("unchecked")
  Map<String, Object> chartOption(String elementId) {
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> js(
        "const el = document.getElementById(arguments[0]); return !!(el && window.echarts && echarts.getInstanceByDom(el));",
        elementId).equals(Boolean.TRUE));
    // Through JSON: getOption() holds functions (formatters) that WebDriver cannot return.
    String json = (String) js("return JSON.stringify(echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption());",
        elementId);
    return (Map<String, Object>) new tools.jackson.databind.json.JsonMapper().readValue(json, Map.class);
  }

  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      // let charts finish their entry animation
      Thread.sleep(800);
      File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Full-page screenshot: resizes the window to the page's height first. */
  void fullScreenshot(String name) {
    Number height = (Number) js("return document.documentElement.scrollHeight;");
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, Math.min(6000, height.intValue() + 40)));
    screenshot(name);
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 1000));
  }

  @Override
  public void close() {
    driver.quit();
    deleteQuietly(profile);
    deleteQuietly(downloads);
  }

  private static void deleteQuietly(Path directory) {
    try (var paths = Files.walk(directory)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temp folder left behind is harmless
    }
  }
}
