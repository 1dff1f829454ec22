package com.sovereignstamp.bridge.api;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.canonical.JsonArray;
import com.sovereignstamp.audit.canonical.JsonObject;
import com.sovereignstamp.audit.canonical.JsonParseException;
import com.sovereignstamp.audit.canonical.JsonString;
import com.sovereignstamp.audit.canonical.JsonValue;
import com.sovereignstamp.bridge.audit.AuditUnavailableException;
import com.sovereignstamp.bridge.policy.Approval;
import com.sovereignstamp.bridge.policy.Grant;
import com.sovereignstamp.bridge.policy.KeyPolicy;
import com.sovereignstamp.bridge.policy.KeyRef;
import com.sovereignstamp.bridge.policy.Officer;
import com.sovereignstamp.bridge.policy.OfficerActions;
import com.sovereignstamp.bridge.policy.PolicyException;
import com.sovereignstamp.bridge.policy.PolicySnapshot;
import com.sovereignstamp.bridge.policy.PolicyStoreException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The security officers' admin API (docs/hsm-bridge.md, "Security officers"): key status, revoke,
 * reinstate, grant, withdraw. Served on the officers' listener only ({@link ListenerGuard}); the
 * caller must present the certificate of an officer named in {@code bridge.officers.file}. Every
 * call, done or refused, is recorded in the audit trail ({@code api: officer}).
 */
@Path("/bridge/admin")
@RequestScoped
public class OfficerResource {
  private static final Logger LOG = Logger.getLogger(OfficerResource.class.getName());
  private static final String PROBLEMS = Problems.TYPE_BASE + "officer/";
  private static final int MAX_BODY = 256 * 1024;

  @Inject BridgeRuntime runtime;
  @Context HttpServletRequest http;

  @GET
  @Path("whoami")
  public Response whoami() {
    return asOfficer(
        recorder("officer.whoami"),
        null,
        (officer, body) ->
            CanonicalJson.object()
                .put("officer", officer.name())
                .put("bridge", runtime.settings().audit().origin())
                .put("approvalsRequired", runtime.officers().approvalsRequired())
                .put("approvalMaxLifetime", runtime.officers().approvalMaxLifetime().toString())
                .build());
  }

  @GET
  @Path("keys")
  public Response keys() {
    return asOfficer(
        recorder("officer.status"),
        null,
        (officer, body) -> {
          PolicySnapshot now = runtime.policyView().current();
          CanonicalJson.ArrayBuilder keys = CanonicalJson.array();
          now.keys().values().forEach(k -> keys.add(keyJson(k)));
          return CanonicalJson.object().put("version", now.version()).put("keys", keys).build();
        });
  }

  @GET
  @Path("keys/{keyId}")
  public Response key(@PathParam("keyId") String keyId, @QueryParam("keyStore") String keyStore) {
    return onKey(
        "officer.status",
        keyId,
        keyStore,
        null,
        (officer, key, body) ->
            keyJson(runtime.policyView().current().key(key).orElseThrow()).build());
  }

  @POST
  @Path("keys/{keyId}/revoke")
  public Response revoke(
      @PathParam("keyId") String keyId, @QueryParam("keyStore") String keyStore) {
    return onKey(
        "officer.revoke",
        keyId,
        keyStore,
        null,
        (officer, key, body) -> outcome(actions().revoke(officer, key), "cleared"));
  }

  @POST
  @Path("keys/{keyId}/reinstate")
  public Response reinstate(
      @PathParam("keyId") String keyId, @QueryParam("keyStore") String keyStore, byte[] body) {
    return onKey(
        "officer.reinstate",
        keyId,
        keyStore,
        body,
        (officer, key, json) ->
            outcome(actions().reinstate(officer, key, approvals(json)), "restored"));
  }

  @POST
  @Path("keys/{keyId}/grants")
  public Response grant(
      @PathParam("keyId") String keyId, @QueryParam("keyStore") String keyStore, byte[] body) {
    return onKey(
        "officer.grant",
        keyId,
        keyStore,
        body,
        (officer, key, json) -> {
          Grant grant = Approval.grant(key, json.get("grant"));
          return outcome(actions().grant(officer, grant, approvals(json)), null);
        });
  }

  @POST
  @Path("keys/{keyId}/withdraw")
  public Response withdraw(
      @PathParam("keyId") String keyId, @QueryParam("keyStore") String keyStore, byte[] body) {
    return onKey(
        "officer.withdraw",
        keyId,
        keyStore,
        body,
        (officer, key, json) ->
            outcome(
                actions()
                    .withdraw(officer, key, text(json, "credential"), text(json, "clientSubject")),
                null));
  }

  private OfficerActions actions() {
    return runtime.officerActions();
  }

  @FunctionalInterface
  private interface OfficerWork {
    JsonObject run(Officer officer, JsonObject body);
  }

  @FunctionalInterface
  private interface KeyWork {
    JsonObject run(Officer officer, KeyRef key, JsonObject body);
  }

  private Response onKey(
      String operation, String keyId, String keyStore, byte[] body, KeyWork work) {
    AdminCallRecorder recorder = recorder(operation);
    recorder.key(keyStore == null ? "" : keyStore, keyId);
    return asOfficer(
        recorder,
        body,
        (officer, json) -> {
          runtime.reloadKeyStores();
          KeyRef key = actions().resolve(keyId, Optional.ofNullable(keyStore));
          recorder.key(key.keyStore(), key.keyId());
          return work.run(officer, key, json);
        });
  }

  /**
   * Runs an officer's call: the caller must be an officer; the body (if any) must be a JSON object;
   * the outcome, done or refused, is recorded before the answer leaves.
   */
  private Response asOfficer(AdminCallRecorder recorder, byte[] body, OfficerWork work) {
    Response answer;
    String outcome;
    String reason = "";
    Optional<Officer> officer =
        ClientCertificates.of(http).flatMap(runtime.officers()::presentedBy);
    if (officer.isEmpty()) {
      outcome = "not-an-officer";
      reason = "the client certificate is not an officer's";
      answer =
          problem(
              outcome,
              403,
              "Not an officer",
              "this client certificate is not one named in bridge.officers.file");
    } else {
      recorder.principal(officer.get().name());
      try {
        answer = json(200, work.run(officer.get(), parse(body)));
        outcome = "ok";
      } catch (PolicyException e) {
        outcome = e.reason().slug();
        reason = e.getMessage();
        answer = problem(outcome, status(e.reason()), title(e.reason()), e.getMessage());
      } catch (IllegalArgumentException e) {
        outcome = "bad-request";
        reason = e.getMessage();
        answer = problem(outcome, 400, "Bad request", e.getMessage());
      } catch (AuditUnavailableException e) {
        LOG.log(
            Level.SEVERE, recorder.operation() + " refused: the audit trail cannot record it", e);
        runtime.metrics().auditFailure();
        return problem(
            "audit-unavailable",
            500,
            "Audit trail unavailable",
            "the change could not be recorded, so it was not made");
      } catch (PolicyStoreException e) {
        LOG.log(Level.SEVERE, recorder.operation() + " failed: the policy store", e);
        outcome = "policy-store-unavailable";
        reason = e.getMessage();
        answer =
            problem(
                outcome,
                503,
                "Policy store unavailable",
                "the bridge's database could not be read or written; nothing was changed");
      }
    }
    try {
      recorder.record(outcome, reason);
    } catch (AuditUnavailableException e) {
      return problem(
          "audit-unavailable",
          500,
          "Audit trail unavailable",
          "the call could not be recorded"
              + ("ok".equals(outcome) ? " after it was done" : "")
              + "; see the bridge's log");
    }
    return answer;
  }

  private AdminCallRecorder recorder(String operation) {
    return new AdminCallRecorder(runtime, "officer", operation, ClientCertificates.subject(http));
  }

  private static JsonObject parse(byte[] body) {
    if (body == null || body.length == 0) {
      return CanonicalJson.object().build();
    }
    if (body.length > MAX_BODY) {
      throw new IllegalArgumentException("the body is larger than " + MAX_BODY + " bytes");
    }
    try {
      if (CanonicalJson.parse(body) instanceof JsonObject o) {
        return o;
      }
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("the body is not valid JSON: " + e.getMessage());
    }
    throw new IllegalArgumentException("the body must be a JSON object");
  }

  private static List<Approval> approvals(JsonObject body) {
    if (!(body.get("approvals") instanceof JsonArray array)) {
      throw new IllegalArgumentException("approvals must be an array of approvals");
    }
    List<Approval> out = new ArrayList<>();
    for (JsonValue v : array.elements()) {
      out.add(Approval.fromJson(v));
    }
    return out;
  }

  private static String text(JsonObject o, String name) {
    if (!(o.get(name) instanceof JsonString s)) {
      throw new IllegalArgumentException(name + " must be a string");
    }
    return s.value();
  }

  private JsonObject outcome(OfficerActions.Outcome o, String hsmDone) {
    CanonicalJson.ObjectBuilder b = CanonicalJson.object().put("key", keyJson(o.key()));
    if (hsmDone != null) {
      b.put(
          "hsm",
          o.hsmProblem()
              .map(p -> "failed: " + p)
              .orElse(runtime.settings().officers().hsmRevocation() ? hsmDone : "off"));
    }
    return b.build();
  }

  static CanonicalJson.ObjectBuilder keyJson(KeyPolicy k) {
    CanonicalJson.ArrayBuilder grants = CanonicalJson.array();
    k.grants().forEach(g -> grants.add(Approval.grantJson(g)));
    return CanonicalJson.object()
        .put("keyStore", k.key().keyStore())
        .put("keyId", k.key().keyId())
        .put("status", k.status().name())
        .put("changedAt", k.changedAt().toString())
        .put("changedBy", k.changedBy())
        .put("grants", grants);
  }

  private static Response json(int status, JsonObject body) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(CanonicalJson.serialize(body))
        .build();
  }

  private static int status(PolicyException.Reason reason) {
    return switch (reason) {
      case UNKNOWN_KEY, UNKNOWN_GRANT -> 404;
      case AMBIGUOUS_KEY, NOT_REVOKED, APPROVAL_REUSED -> 409;
      case APPROVAL_INVALID, APPROVAL_EXPIRED, APPROVALS_INSUFFICIENT -> 403;
    };
  }

  private static String title(PolicyException.Reason reason) {
    return switch (reason) {
      case UNKNOWN_KEY -> "Unknown key";
      case AMBIGUOUS_KEY -> "Ambiguous key";
      case UNKNOWN_GRANT -> "Unknown grant";
      case NOT_REVOKED -> "Key not revoked";
      case APPROVAL_INVALID -> "Approval not valid";
      case APPROVAL_EXPIRED -> "Approval expired";
      case APPROVAL_REUSED -> "Approval already used";
      case APPROVALS_INSUFFICIENT -> "Not enough approvals";
    };
  }

  private static Response problem(String type, int status, String title, String detail) {
    return Problems.response(PROBLEMS + type, status, title, detail);
  }
}
