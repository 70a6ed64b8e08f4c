package be.edusprong.lms.web.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes sure the test database is there before Arquillian deploys: register it BEFORE {@code
 * ArquillianExtension} ({@code @ExtendWith({MariaDbExtension.class, ArquillianExtension.class})}),
 * because JUnit calls {@code beforeAll} callbacks in registration order and Arquillian starts
 * Payara Micro and deploys (running {@code Startup}: Flyway, content) in its own {@code beforeAll}.
 * A static {@code @BeforeAll} method would be too late: it runs after every extension's callback.
 *
 * <p>The database is set up once per test JVM (kept in the root store, so an embedded server stops
 * when the run ends). Inside the container the test class runs through JUnit again; there this
 * extension does nothing (and {@link TestDatabase}, which is not deployed, is never loaded).
 */
public final class MariaDbExtension implements BeforeAllCallback {
  // ArquillianExtension.RUNNING_INSIDE_ARQUILLIAN, a configuration parameter set in the container.
  private static final String INSIDE_ARQUILLIAN = "insideArquillian";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(MariaDbExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    boolean inContainer =
        context
            .getConfigurationParameter(INSIDE_ARQUILLIAN)
            .map(Boolean::parseBoolean)
            .orElse(false);
    if (inContainer) {
      return;
    }
    context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("database", key -> TestDatabase.start(), TestDatabase.class);
  }
}
