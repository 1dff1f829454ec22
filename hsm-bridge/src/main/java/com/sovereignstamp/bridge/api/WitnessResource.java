package com.sovereignstamp.bridge.api;

import com.sovereignstamp.audit.checkpoint.PublicKeyPem;
import com.sovereignstamp.bridge.api.WitnessJson.MalformedSubmissionException;
import com.sovereignstamp.bridge.audit.AuditUnavailableException;
import com.sovereignstamp.bridge.keys.KeyBackendException;
import com.sovereignstamp.bridge.witness.Witness;
import com.sovereignstamp.bridge.witness.WitnessRefusal;
import com.sovereignstamp.bridge.witness.WitnessStoreException;
import com.sovereignstamp.bridge.witness.WitnessedCheckpoint;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.x500.X500Principal;

/**
 * The witness API, beside the XKS API on the same mutual-TLS listener: a client submits its
 * checkpoints and reads back its latest co-signature; anyone with a client certificate may fetch
 * the co-signing public key. The caller is the verified TLS client certificate. Every call is an
 * entry of the audit trail; a call the trail cannot record is answered 503 {@code
 * audit-unavailable}. Errors are RFC 9457 problems ({@link WitnessProblem}).
 */
@Path("/bridge/witness")
@RequestScoped
public class WitnessResource {
  private static final Logger LOG = Logger.getLogger(WitnessResource.class.getName());
  private static final int MAX_BODY_BYTES = 64 * 1024;

  @Inject WitnessRuntime witnessRuntime;
  @Inject BridgeRuntime bridge;
  @Context HttpServletRequest http;

  @POST
  @Path("checkpoints")
  public Response submit(InputStream body) {
    return call(
        "witness.submit",
        (witness, subject) -> {
          byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
          if (bytes.length > MAX_BODY_BYTES) {
            throw new MalformedSubmissionException(
                "the body is larger than " + MAX_BODY_BYTES + " bytes");
          }
          WitnessedCheckpoint w = witness.submit(subject, WitnessJson.submission(bytes));
          return Answer.ok(json(WitnessJson.witnessed(w)));
        });
  }

  @GET
  @Path("checkpoints/latest")
  public Response latest() {
    return call(
        "witness.latest",
        (witness, subject) ->
            witness
                .latest(subject)
                .map(w -> Answer.ok(json(WitnessJson.witnessed(w))))
                .orElseGet(
                    () ->
                        Answer.problem(
                            WitnessProblem.NOT_FOUND,
                            "no checkpoint has been witnessed for this client yet")));
  }

  @GET
  @Path("public-key")
  public Response publicKey() {
    return call(
        "witness.public-key",
        (witness, subject) ->
            Answer.ok(
                Response.ok(
                        PublicKeyPem.encode(witness.publicKey())
                            .getBytes(StandardCharsets.US_ASCII))
                    .type("application/x-pem-file")
                    .build()));
  }

  /** What one endpoint does, given the witness and the caller's certificate subject. */
  @FunctionalInterface
  private interface Action {
    Answer run(Witness witness, X500Principal subject)
        throws WitnessRefusal, MalformedSubmissionException, IOException;
  }

  /**
   * The response, and what the audit trail records of it: {@code ok} or the problem's code, and the
   * reason in the bridge's words.
   */
  private record Answer(Response response, String outcome, String reason) {
    static Answer ok(Response response) {
      return new Answer(response, "ok", "");
    }

    static Answer problem(WitnessProblem problem, String detail) {
      return new Answer(problem.response(detail), problem.code(), detail);
    }
  }

  /** Runs an action and records the call in the audit trail. */
  private Response call(String operation, Action action) {
    Optional<X500Principal> subject = ClientCertificates.subject(http);
    AdminCallRecorder recorder = new AdminCallRecorder(bridge, operation, subject);
    try {
      Answer answer = answer(operation, action, subject);
      recorder.record(answer.outcome(), answer.reason());
      return answer.response();
    } catch (AuditUnavailableException e) {
      return WitnessProblem.AUDIT_UNAVAILABLE.response(
          "the audit trail cannot record the call; nothing was witnessed");
    }
  }

  /**
   * @throws AuditUnavailableException if the witness could not record what it did
   */
  private Answer answer(String operation, Action action, Optional<X500Principal> subject) {
    Optional<Witness> witness = witnessRuntime.witness();
    if (witness.isEmpty()) {
      return Answer.problem(
          WitnessProblem.UNAVAILABLE, "the witness is off (the audit trail is off)");
    }
    if (subject.isEmpty()) {
      return Answer.problem(WitnessProblem.UNKNOWN_CLIENT, "no client certificate");
    }
    try {
      return action.run(witness.get(), subject.get());
    } catch (WitnessRefusal e) {
      return Answer.problem(WitnessProblem.of(e.reason()), e.getMessage());
    } catch (MalformedSubmissionException | IOException e) {
      return Answer.problem(WitnessProblem.MALFORMED, e.getMessage());
    } catch (WitnessStoreException | KeyBackendException e) {
      LOG.log(Level.WARNING, "witness call " + operation + " failed", e);
      return new Answer(
          WitnessProblem.UNAVAILABLE.response("the witness cannot store or sign now; try again"),
          WitnessProblem.UNAVAILABLE.code(),
          e.getMessage());
    } catch (AuditUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "unexpected failure answering witness call " + operation, e);
      return new Answer(
          WitnessProblem.INTERNAL.response("internal error"),
          WitnessProblem.INTERNAL.code(),
          e.getClass().getSimpleName());
    }
  }

  private static Response json(byte[] body) {
    return Response.ok(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }
}
