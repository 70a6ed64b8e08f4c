package be.edusprong.lms.run.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives browser test classes the running platform and a Chromium of their own.
 *
 * <ul>
 *   <li>The {@link Platform} is started once per test run, by the first class that needs it, and
 *       kept in the root context's store: every later class reuses it and JUnit stops it after the
 *       last one. A failed start is remembered too, so the other classes fail at once instead of
 *       waiting for another start.
 *   <li>Each test class gets one {@link Browser} (fresh profile, so no cookies from another class),
 *       closed after the class. Test methods and {@code @BeforeAll} methods take it (and the {@link
 *       Platform}) as a parameter.
 *   <li>When a test fails, the end of the server log is printed and a screenshot of the page is
 *       saved in {@code target/browser/}.
 * </ul>
 */
public final class PlatformExtension
    implements BeforeAllCallback, ParameterResolver, AfterTestExecutionCallback {
  private static final Namespace NAMESPACE = Namespace.create(PlatformExtension.class);

  /** The outcome of the one start: the platform or why it did not start. */
  private record Start(Platform platform, Throwable failure)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      if (platform != null) {
        platform.close();
      }
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Browser.requireInstalled(); // before a platform start that would be for nothing
    platform(context);
  }

  static Platform platform(ExtensionContext context) {
    Start start =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(
                Start.class,
                key -> {
                  try {
                    return new Start(Platform.start(), null);
                  } catch (Throwable e) {
                    return new Start(null, e);
                  }
                },
                Start.class);
    if (start.failure() != null) {
      throw new IllegalStateException(
          "the platform did not start: " + start.failure().getMessage(), start.failure());
    }
    return start.platform();
  }

  private static Browser browser(ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            Browser.class, key -> Browser.start(platform(classContext)), Browser.class);
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Browser.class || type == Platform.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Platform.class
        ? platform(context)
        : browser(context);
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isEmpty()) {
      return;
    }
    String name =
        context.getRequiredTestClass().getSimpleName()
            + "-"
            + context.getRequiredTestMethod().getName();
    Browser browser = classContext(context).getStore(NAMESPACE).get(Browser.class, Browser.class);
    if (browser != null) {
      try {
        Path shot = Path.of("target", "browser", "failed-" + name + ".png");
        Files.createDirectories(shot.getParent());
        browser.screenshotViewport(shot);
        System.err.println(
            "[" + name + "] failed at " + browser.currentUrl() + "; screenshot " + shot);
      } catch (Exception e) {
        System.err.println("[" + name + "] no screenshot: " + e.getMessage());
      }
    }
    Platform platform = platform(context);
    System.err.println(
        "[" + name + "] failed; end of the server log:\n" + platform.serverTail(200));
  }
}
