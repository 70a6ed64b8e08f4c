package be.edusprong.lms.run.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's {@code /usr/bin/chromium}, driven by Debian's {@code
 * /usr/bin/chromedriver}; Selenium Manager never runs) pointed at the platform, with the steps the
 * tests share: open a page, log in and out, wait, measure the layout at phone size, take
 * screenshots.
 *
 * <p>A desktop window of {@value #DESKTOP_WIDTH}x{@value #DESKTOP_HEIGHT}; {@link #atPhoneSize}
 * emulates a {@value #PHONE_WIDTH}x{@value #PHONE_HEIGHT} phone through the DevTools protocol.
 */
public final class Browser implements ExtensionContext.Store.CloseableResource {
  /** Debian's Chromium; system property {@code lms.chromium} names another. */
  static final Path CHROMIUM = Path.of(System.getProperty("lms.chromium", "/usr/bin/chromium"));

  /** Debian's ChromeDriver; system property {@code webdriver.chrome.driver} names another. */
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));

  static final int DESKTOP_WIDTH = 1280;
  static final int DESKTOP_HEIGHT = 900;
  static final int PHONE_WIDTH = 360;
  static final int PHONE_HEIGHT = 640;
  static final int WAIT_SECONDS = 20;

  /** Screenshots taller than this are cut off at the bottom. */
  private static final int MAX_SCREENSHOT_HEIGHT = 2400;

  private final ChromeDriver driver;
  private final Path profile;
  private final String baseUrl;

  private Browser(ChromeDriver driver, Path profile, String baseUrl) {
    this.driver = driver;
    this.profile = profile;
    this.baseUrl = baseUrl;
  }

  /**
   * Fails (never skips) when Chromium or ChromeDriver is not installed: the browser tests are part
   * of the build.
   */
  static void requireInstalled() {
    for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(p)) {
        fail(
            p
                + " is missing: the browser tests need Debian's Chromium and ChromeDriver;"
                + " install them with `apt-get install chromium chromium-driver`");
      }
    }
  }

  /**
   * Starts Chromium with a new empty profile.
   *
   * @throws AssertionError when Chromium or ChromeDriver is not installed (the tests need them;
   *     they do not skip)
   */
  static Browser start(Platform platform) {
    requireInstalled();
    Path profile;
    try {
      profile = Files.createTempDirectory("lms-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--no-default-browser-check",
        "--hide-scrollbars",
        "--lang=nl-BE",
        "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT,
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    return new Browser(driver, profile, platform.baseUrl());
  }

  /** The WebDriver, for what this class does not cover. */
  ChromeDriver driver() {
    return driver;
  }

  /**
   * Waits up to {@value #WAIT_SECONDS} s until {@code condition} returns something other than null
   * or false.
   *
   * @param what what is waited for, for the failure message
   */
  <T> T until(String what, Function<? super WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(WAIT_SECONDS))
        .withMessage(what)
        .until(condition);
  }

  /** Opens a page by its path below the base URL, e.g. {@code index.xhtml?area=4}. */
  void open(String path) {
    driver.get(baseUrl + (path.startsWith("/") ? path.substring(1) : path));
  }

  String currentUrl() {
    return driver.getCurrentUrl();
  }

  /** The one element the selector matches, once it is there. */
  WebElement find(String css) {
    return until(css, ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** The text of the page's {@code h1}. */
  String heading() {
    return find("h1").getText().strip();
  }

  /** The visible text of the whole page. */
  String bodyText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Fills in the login form and submits it; does not check the outcome. */
  void submitLogin(String username, String password) {
    open("login.xhtml");
    WebElement user = find("#login\\:username");
    user.clear();
    user.sendKeys(username);
    WebElement pass = driver.findElement(By.id("login:password"));
    pass.clear();
    pass.sendKeys(password);
    click(driver.findElement(By.id("login:submit")));
  }

  /** Logs in and waits until the logout link shows the user is logged in. */
  void login(String username, String password) {
    submitLogin(username, password);
    until(
        "logged in as " + username + " (logout link in the menu)",
        ExpectedConditions.presenceOfElementLocated(By.id("logout")));
  }

  /** Logs out from the menu and waits until the login link is back. */
  void logout() {
    click(find("#logout"));
    until(
        "logged out (login link in the menu)",
        ExpectedConditions.presenceOfElementLocated(By.id("nav-login")));
  }

  /** Clicks an element once it can be clicked, scrolling it into view first. */
  void click(WebElement element) {
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block:'center'})", element);
    until("clickable: " + element, ExpectedConditions.elementToBeClickable(element)).click();
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /**
   * Runs {@code check} with the current page laid out as on a {@value #PHONE_WIDTH}x{@value
   * #PHONE_HEIGHT} phone (mobile viewport, so {@code <meta name=viewport>} applies), then returns
   * to the desktop layout.
   */
  <T> T atPhoneSize(Supplier<T> check) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width", PHONE_WIDTH, "height", PHONE_HEIGHT, "deviceScaleFactor", 2, "mobile", true));
    try {
      until(
          "layout viewport at phone width",
          d ->
              ((Number) script("return document.documentElement.clientWidth")).intValue()
                  == PHONE_WIDTH);
      return check.get();
    } finally {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  /**
   * How the page overflows the viewport sideways: {@code ""} when {@code
   * document.documentElement.scrollWidth <= window.innerWidth} (and no wider than the layout
   * viewport: a phone zooms out on a page that is too wide, which makes {@code innerWidth} grow
   * with it), else the widths and the elements that stick out furthest to the right.
   */
  String horizontalOverflow() {
    return (String)
        script(
            """
            const doc = document.documentElement;
            const vw = Math.min(window.innerWidth, doc.clientWidth);
            if (doc.scrollWidth <= vw) return '';
            const describe = el => el.tagName.toLowerCase()
                + (el.id ? '#' + el.id : '')
                + (typeof el.className === 'string' && el.className.trim()
                    ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
            const wide = [...document.querySelectorAll('body *')]
                .map(el => [el, el.getBoundingClientRect().right + window.scrollX])
                .filter(([el, right]) => right > vw + 0.5)
                .sort((a, b) => b[1] - a[1])
                .slice(0, 8)
                .map(([el, right]) => describe(el) + ' (right edge ' + Math.round(right) + ')');
            return 'scrollWidth ' + doc.scrollWidth + ' > viewport ' + vw
                + ' (innerWidth ' + window.innerWidth + ', clientWidth ' + doc.clientWidth + ')'
                + '; widest: ' + wide.join(', ');
            """);
  }

  /**
   * Saves the page as it looks in the desktop window, {@value #DESKTOP_WIDTH} px wide, from the top
   * down to at most {@value #MAX_SCREENSHOT_HEIGHT} px.
   */
  void screenshotPage(Path file) {
    screenshotPage(file, null);
  }

  /**
   * Like {@link #screenshotPage(Path)}, but from a little above the element {@code fromCss} (for a
   * long page whose interesting part is further down); from the top when it is null.
   */
  void screenshotPage(Path file, String fromCss) {
    long top =
        fromCss == null
            ? 0
            : Math.max(
                0,
                ((Number)
                            script(
                                "return arguments[0].getBoundingClientRect().top + window.scrollY",
                                find(fromCss)))
                        .longValue()
                    - 16);
    long pageHeight =
        ((Number) script("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
    long height = Math.min(MAX_SCREENSHOT_HEIGHT, pageHeight - top);
    long width = ((Number) script("return document.documentElement.clientWidth")).longValue();
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of(
                "format",
                "png",
                "captureBeyondViewport",
                true,
                "clip",
                Map.of("x", 0, "y", top, "width", width, "height", height, "scale", 1)));
    write(file, Base64.getDecoder().decode((String) shot.get("data")));
  }

  /** Saves what the window shows now. */
  void screenshotViewport(Path file) {
    write(file, driver.getScreenshotAs(OutputType.BYTES));
  }

  private static void write(Path file, byte[] png) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary directory; the OS cleans it up
      }
    }
  }
}
