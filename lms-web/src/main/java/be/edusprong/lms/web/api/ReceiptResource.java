package be.edusprong.lms.web.api;

import static be.edusprong.lms.domain.shared.JsonSupport.JSON;

import be.edusprong.lms.assessment.delivery.ReceiptChain;
import be.edusprong.lms.assessment.delivery.ReceiptExport;
import be.edusprong.lms.assessment.delivery.VerificationResult;
import be.edusprong.lms.domain.delivery.SigningKeys;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Public receipt checking (issue 3, point 4: "a documented verify command/endpoint checks it"): the
 * platform's public key and a verifier for a downloaded receipt list. Needs no login: a learner, a
 * lawyer or an ombudsman can check a list without an account.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReceiptResource {
  /** Largest receipt list accepted for verification, in bytes (about 20,000 receipts). */
  public static final int MAX_LIST_BYTES = 8 * 1024 * 1024;

  @Inject SigningKeys keys;
  @Context HttpHeaders headers;

  /**
   * {@code GET /keys}: {@code {"algorithm": "Ed25519", "publicKey": "<base64 X.509>"}}, the key
   * every receipt is signed with; also what {@code lms-items verify-receipts --key} takes.
   */
  @GET
  @Path("keys")
  public Response key() {
    return Response.ok(
            JSON.createObjectBuilder()
                .add("algorithm", "Ed25519")
                .add("publicKey", keys.publicKeyBase64())
                .build())
        .build();
  }

  /**
   * {@code POST /receipts/verify} with a receipt list as downloaded ({@value ReceiptExport#FORMAT})
   * as the body: 200 {@code {"valid": true|false, "receiptCount": n, "problem": null | "TAMPERED" |
   * ..., "index": -1 | i, "detail": "...", "headHash": "<hex>" | null}}, checked against the
   * platform's key; 400 {@code error.api.badRequest} for a body that is not such a list.
   */
  @POST
  @Path("receipts/verify")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response verify(String body) {
    if (body == null || body.length() > MAX_LIST_BYTES) {
      return ApiError.of(
          400,
          "error.api.badRequest",
          "a receipt list of at most " + MAX_LIST_BYTES + " bytes is required",
          headers.getAcceptableLanguages());
    }
    ReceiptExport export;
    try {
      export = ReceiptExport.parse(body);
    } catch (IllegalArgumentException e) {
      return ApiError.of(
          400,
          "error.api.badRequest",
          "not a receipt list: " + e.getMessage(),
          headers.getAcceptableLanguages());
    }
    VerificationResult result =
        ReceiptChain.verify(export.receipts(), keys.publicKey(), export.attemptId());
    JsonObjectBuilder b =
        JSON.createObjectBuilder()
            .add("valid", result.ok())
            .add("receiptCount", result.receiptCount());
    ApiJson.nullable(b, "problem", result.problem() == null ? null : result.problem().name());
    b.add("index", result.index()).add("detail", result.detail());
    ApiJson.nullable(b, "headHash", result.headHash());
    return Response.ok(b.build()).build();
  }
}
