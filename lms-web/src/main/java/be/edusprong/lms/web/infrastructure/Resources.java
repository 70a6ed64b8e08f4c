package be.edusprong.lms.web.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * Produces what the domain services inject: the container-managed {@link EntityManager} of the
 * {@code lms} persistence unit and the {@link Clock} (UTC), so tests can substitute either.
 */
@ApplicationScoped
public class Resources {
  @Produces
  @PersistenceContext(unitName = "lms")
  private EntityManager entityManager;

  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.systemUTC();
  }
}
