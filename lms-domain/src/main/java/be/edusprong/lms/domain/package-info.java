/**
 * The learning domain of Edusprong LMS: centres, accounts, the DigComp 2.2 competence framework,
 * modules and their learning units, enrolments, learning records (xAPI) and coaching.
 *
 * <p>Rule: no web framework here (no Faces, PrimeFaces, WebSocket or JAX-RS); services are CDI
 * beans that receive an {@code EntityManager} by injection and throw {@link
 * be.edusprong.lms.domain.shared.DomainException}s the web edge turns into messages.
 */
package be.edusprong.lms.domain;
