package be.edusprong.lms.web.api;

import jakarta.json.JsonException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body that is not the JSON a call expects: 400 {@code error.api.badRequest}. */
@Provider
public class JsonBodyExceptionMapper implements ExceptionMapper<JsonException> {
  @Context HttpHeaders headers;

  @Override
  public Response toResponse(JsonException e) {
    return ApiError.of(
        400,
        "error.api.badRequest",
        "the body is not the JSON this call expects: " + e.getMessage(),
        headers.getAcceptableLanguages());
  }
}
