package be.edusprong.lms.domain.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Produces what the domain services inject: the container-managed {@link EntityManager} of the
 * {@code lms} persistence unit and the {@link Clock} (UTC), so tests can substitute either.
 *
 * <p>The entity manager is looked up at {@value #PERSISTENCE_CONTEXT}, a name the web module
 * declares ({@code @PersistenceContext(name = ...)}): the container does not inject persistence
 * contexts into beans of the EAR's {@code lib/} jars, and beans there cannot see the web module's
 * beans (CDI bean archive visibility). The looked-up object is the container's transaction-scoped
 * proxy, safe to share between threads.
 */
@ApplicationScoped
public class Resources {
  /** The JNDI name under which the application declares the {@code lms} persistence context. */
  public static final String PERSISTENCE_CONTEXT = "java:app/persistence/lms";

  private volatile EntityManager entityManager;

  @Produces
  EntityManager entityManager() {
    EntityManager em = entityManager;
    if (em == null) {
      try {
        em = (EntityManager) new InitialContext().lookup(PERSISTENCE_CONTEXT);
      } catch (NamingException e) {
        throw new IllegalStateException(
            "no persistence context at " + PERSISTENCE_CONTEXT + ": is the web module deployed?",
            e);
      }
      entityManager = em;
    }
    return em;
  }

  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.systemUTC();
  }
}
