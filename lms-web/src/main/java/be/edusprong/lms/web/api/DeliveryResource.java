package be.edusprong.lms.web.api;

import static be.edusprong.lms.domain.shared.JsonSupport.JSON;

import be.edusprong.lms.assessment.delivery.ReceiptExport;
import be.edusprong.lms.domain.account.UserAccount;
import be.edusprong.lms.domain.delivery.Attempt;
import be.edusprong.lms.domain.delivery.DeliveryOpening;
import be.edusprong.lms.domain.delivery.DeliveryService;
import be.edusprong.lms.domain.delivery.GradingService;
import be.edusprong.lms.domain.delivery.IntegrityEventKind;
import be.edusprong.lms.domain.delivery.SaveResult;
import be.edusprong.lms.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The exam delivery API for the learner taking an attempt (issue 3, point 4; contract in {@code
 * docs/delivery-api.md}): start, open a delivery (takeover), time left, questions, versioned saves
 * with receipts, integrity events, submit and the receipt list. Every call acts as the logged-in
 * learner; another learner's attempt is answered 404 like an unknown one. Responses are never
 * cached ({@code Cache-Control: no-store}).
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {
  /** Header carrying the delivery token from {@code POST .../delivery}. */
  public static final String TOKEN = "X-Delivery-Token";

  /** Header carrying a save's response version. */
  public static final String VERSION = "X-Response-Version";

  private static final CacheControl NO_STORE = noStore();

  @Inject DeliveryService delivery;
  @Inject GradingService grading;
  @Inject CurrentUser user;
  @Inject Clock clock;
  @Context HttpServletRequest request;
  @Context HttpHeaders headers;

  /**
   * {@code POST /assessments/{id}/attempts}, body {@code {"accessCode": "..." | null}} (may be
   * empty): starts an attempt or returns the running one. 201 with the attempt and its {@code
   * Location}.
   */
  @POST
  @Path("assessments/{assessmentId}/attempts")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response start(@PathParam("assessmentId") long assessmentId, JsonObject body) {
    String code =
        body != null && body.containsKey("accessCode") && !body.isNull("accessCode")
            ? body.getString("accessCode")
            : null;
    Attempt attempt = delivery.start(assessmentId, learner(), code, request.getRemoteAddr());
    return Response.created(URI.create("attempts/" + attempt.getId()))
        .cacheControl(NO_STORE)
        .entity(attemptJson(attempt))
        .build();
  }

  /** {@code GET /attempts/{id}}: the attempt with the server's time and the time left. */
  @GET
  @Path("attempts/{attemptId}")
  public Response attempt(@PathParam("attemptId") String attemptId) {
    return ok(attemptJson(delivery.attempt(attemptId, learner())));
  }

  /**
   * {@code POST /attempts/{id}/delivery}, body {@code {"token": "<earlier token>" | null,
   * "takeover": false}}: opens this tab's delivery. 200 {@code {"status": "OPENED" | "RESUMED" |
   * "TAKEN_OVER" | "SUBMITTED", "token": ..., "openedAt": ...}}; 409 with {@code "status":
   * "IN_USE"} when another tab or device holds the attempt and {@code takeover} was false.
   */
  @POST
  @Path("attempts/{attemptId}/delivery")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response open(@PathParam("attemptId") String attemptId, JsonObject body) {
    String token =
        body != null && body.containsKey("token") && !body.isNull("token")
            ? body.getString("token")
            : null;
    boolean takeover = body != null && body.getBoolean("takeover", false);
    DeliveryOpening opening =
        delivery.open(attemptId, learner(), token, takeover, request.getRemoteAddr());
    JsonObjectBuilder b = JSON.createObjectBuilder().add("status", opening.status().name());
    ApiJson.nullable(b, "token", opening.token());
    ApiJson.nullable(
        b, "openedAt", opening.openedAt() == null ? null : opening.openedAt().toString());
    int status = opening.status() == DeliveryOpening.Status.IN_USE ? 409 : 200;
    return Response.status(status).cacheControl(NO_STORE).entity(b.build()).build();
  }

  /** {@code GET /attempts/{id}/items}: {@code {"items": [...]}}, questions without their key. */
  @GET
  @Path("attempts/{attemptId}/items")
  public Response items(@PathParam("attemptId") String attemptId) {
    List<JsonObject> items =
        delivery.items(attemptId, learner()).stream().map(ApiJson::item).toList();
    return ok(JSON.createObjectBuilder().add("items", ApiJson.array(items)).build());
  }

  /**
   * {@code PUT /attempts/{id}/responses/{item}} with headers {@value #TOKEN} and {@value #VERSION}
   * and the response as the JSON body (its bytes are what the receipt's digest covers). Status by
   * outcome: 200 {@code ACCEPTED} / {@code DUPLICATE} (with the receipt); 409 {@code STALE} /
   * {@code CONFLICT}; 423 {@code LOCKED}; 410 {@code EXPIRED} / {@code SUBMITTED}. Body: {@code
   * {"outcome": ..., "storedVersion": n, "receipt": {...} | null}}.
   */
  @PUT
  @Path("attempts/{attemptId}/responses/{item}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response save(
      @PathParam("attemptId") String attemptId,
      @PathParam("item") String item,
      @HeaderParam(TOKEN) String token,
      @HeaderParam(VERSION) String version,
      String body) {
    long v;
    try {
      v = Long.parseLong(version == null ? "" : version.strip());
    } catch (NumberFormatException e) {
      return ApiError.of(
          400,
          "error.delivery.badResponse",
          "header " + VERSION + " must be a whole number >= 1, was " + version,
          headers.getAcceptableLanguages());
    }
    SaveResult result =
        delivery.save(attemptId, learner(), token, item, v, body, request.getRemoteAddr());
    JsonObjectBuilder b =
        JSON.createObjectBuilder()
            .add("outcome", result.outcome().name())
            .add("storedVersion", result.storedVersion());
    if (result.receipt() == null) {
      b.addNull("receipt");
    } else {
      b.add("receipt", ApiJson.receipt(result.receipt()));
    }
    int status =
        switch (result.outcome()) {
          case ACCEPTED, DUPLICATE -> 200;
          case STALE, CONFLICT -> 409;
          case LOCKED -> 423;
          case EXPIRED, SUBMITTED -> 410;
        };
    return Response.status(status).cacheControl(NO_STORE).entity(b.build()).build();
  }

  /**
   * {@code POST /attempts/{id}/events} with header {@value #TOKEN}, body {@code {"kind":
   * "FOCUS_LOST" | "FOCUS_REGAINED", "detail": "..." | null}}: 204 when logged, 423 when this tab
   * no longer holds the attempt, 400 for another kind.
   */
  @POST
  @Path("attempts/{attemptId}/events")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response event(
      @PathParam("attemptId") String attemptId, @HeaderParam(TOKEN) String token, JsonObject body) {
    IntegrityEventKind kind;
    try {
      kind = IntegrityEventKind.valueOf(body.getString("kind", "").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      kind = null;
    }
    String detail =
        body.containsKey("detail") && !body.isNull("detail") ? body.getString("detail") : null;
    boolean logged =
        delivery.report(attemptId, learner(), token, kind, detail, request.getRemoteAddr());
    return Response.status(logged ? 204 : 423).cacheControl(NO_STORE).build();
  }

  /**
   * {@code POST /attempts/{id}/submit} with header {@value #TOKEN}: hands the attempt in; 200 with
   * the attempt; 423 {@code error.delivery.locked} from a tab that was taken over.
   */
  @POST
  @Path("attempts/{attemptId}/submit")
  public Response submit(
      @PathParam("attemptId") String attemptId, @HeaderParam(TOKEN) String token) {
    return ok(attemptJson(delivery.submit(attemptId, learner(), token, request.getRemoteAddr())));
  }

  /**
   * {@code GET /attempts/{id}/receipts}: the receipt list ({@link ReceiptExport} format {@value
   * ReceiptExport#FORMAT}) as a download, to check with {@code POST /receipts/verify} or {@code
   * lms-items verify-receipts}.
   */
  @GET
  @Path("attempts/{attemptId}/receipts")
  public Response receipts(@PathParam("attemptId") String attemptId) {
    ReceiptExport export = new ReceiptExport(attemptId, delivery.receipts(attemptId, learner()));
    return Response.ok(export.toJson(), MediaType.APPLICATION_JSON_TYPE)
        .header(
            "Content-Disposition",
            "attachment; filename=\"ontvangstbewijzen-" + attemptId + ".json\"")
        .cacheControl(NO_STORE)
        .build();
  }

  /**
   * {@code GET /attempts/{id}/review}: the submitted attempt as far as the assessment's review
   * level shows it (score, responses, correct answers and feedback); 400 {@code
   * error.review.notSubmitted} while it runs.
   */
  @GET
  @Path("attempts/{attemptId}/review")
  public Response review(@PathParam("attemptId") String attemptId) {
    return ok(ApiJson.review(grading.review(attemptId, learner())));
  }

  private JsonObject attemptJson(Attempt attempt) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return ApiJson.attempt(attempt, now, delivery.timeLeft(attempt.getId(), learner()));
  }

  private long learner() {
    UserAccount account = user.require();
    return account.getId();
  }

  private static Response ok(JsonValue body) {
    return Response.ok(body).cacheControl(NO_STORE).build();
  }

  private static CacheControl noStore() {
    CacheControl c = new CacheControl();
    c.setNoStore(true);
    c.setNoCache(true);
    return c;
  }
}
