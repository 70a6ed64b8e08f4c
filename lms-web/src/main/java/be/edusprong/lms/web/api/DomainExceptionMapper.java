package be.edusprong.lms.web.api;

import be.edusprong.lms.domain.shared.DomainException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Turns a refused business operation into its status and {@link ApiError} body. CDI wraps
 * exceptions of {@code @Transactional} beans as they are, so the domain's key reaches the client.
 */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {
  @Context HttpHeaders headers;

  @Override
  public Response toResponse(DomainException e) {
    return ApiError.of(e, headers.getAcceptableLanguages());
  }
}
