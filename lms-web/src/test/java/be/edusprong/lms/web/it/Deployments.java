package be.edusprong.lms.web.it;

import be.edusprong.lms.web.infrastructure.Startup;
import be.edusprong.lms.web.security.LmsIdentityStore;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The micro-deployment every integration test deploys: what the EAR runs minus the pages.
 *
 * <ul>
 *   <li>from lms-web: {@link Startup} (data source from {@code LMS_DB_*}, Flyway, content load,
 *       default centre) and the security package (identity store, authentication mechanism);
 *   <li>as {@code WEB-INF/lib}: every jar in {@code target/it-libs} (system property {@code
 *       lms.it.libs}), which the build fills with the jars the EAR's {@code lib/} holds: lms-domain
 *       (entities, services, persistence unit, migrations), lms-assessment, lms-content, their
 *       libraries and the MariaDB driver;
 *   <li>the test class and the in-container helpers.
 * </ul>
 *
 * Faces pages, PrimeFaces and the view beans are left out: no test here needs them.
 */
public final class Deployments {
  private Deployments() {}

  /**
   * The archive for one test class.
   *
   * @param testClass the {@code *IT} class (its nested classes come along)
   * @return a WAR named {@code lms-it.war}
   * @throws IllegalStateException when {@code target/it-libs} is missing or holds no jars (run the
   *     build from the root: {@code mvn verify})
   */
  public static WebArchive lmsWar(Class<?> testClass) {
    return lmsWar(testClass, new Class<?>[0]);
  }

  /**
   * The archive for one test class, with more classes of lms-web, e.g. a scheduler the other tests
   * must not have running.
   *
   * @param testClass the {@code *IT} class (its nested classes come along)
   * @param more further classes to deploy
   * @return a WAR named {@code lms-it.war}
   */
  public static WebArchive lmsWar(Class<?> testClass, Class<?>... more) {
    WebArchive war =
        ShrinkWrap.create(WebArchive.class, "lms-it.war")
            .addClass(Startup.class)
            .addClasses(more)
            .addPackage(LmsIdentityStore.class.getPackage())
            .addClasses(testClass, MariaDbExtension.class, Sql.class, Responses.class)
            .addAsWebInfResource(new File("src/main/webapp/WEB-INF/beans.xml"), "beans.xml");
    for (File jar : libraries()) {
      war.addAsLibrary(jar);
    }
    return war;
  }

  private static File[] libraries() {
    Path dir = Path.of(System.getProperty("lms.it.libs", "target/it-libs"));
    try (Stream<Path> files = Files.list(dir)) {
      File[] jars =
          files
              .filter(p -> p.toString().endsWith(".jar"))
              .sorted()
              .map(Path::toFile)
              .toArray(File[]::new);
      if (jars.length == 0) {
        throw new IllegalStateException("no jars in " + dir.toAbsolutePath());
      }
      return jars;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot list "
              + dir.toAbsolutePath()
              + ": run `mvn verify` from the project root so the build fills it",
          e);
    }
  }
}
