package be.edusprong.lms.web.api;

import static be.edusprong.lms.domain.shared.JsonSupport.JSON;

import be.edusprong.lms.domain.delivery.DeliveryService;
import be.edusprong.lms.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code /monitor}: what a teacher of the centre sees of a sitting (issue 3, point 4: "An integrity
 * log per attempt ... that the teacher sees"). Teachers only (web.xml).
 */
@Path("monitor")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MonitorResource {
  @Inject DeliveryService delivery;
  @Inject CurrentUser user;

  /**
   * {@code GET /monitor/attempts/{id}/log}: {@code {"attemptId": ..., "events": [{"kind": ...,
   * "at": ..., "ip": ..., "detail": ...}]}}, oldest first; 404 for an attempt outside the teacher's
   * centre.
   */
  @GET
  @Path("attempts/{attemptId}/log")
  public Response log(@PathParam("attemptId") String attemptId) {
    List<JsonObject> events =
        delivery.integrityLog(attemptId, user.require().getId()).stream()
            .map(ApiJson::event)
            .toList();
    return Response.ok(
            JSON.createObjectBuilder()
                .add("attemptId", attemptId)
                .add("events", ApiJson.array(events))
                .build())
        .build();
  }
}
