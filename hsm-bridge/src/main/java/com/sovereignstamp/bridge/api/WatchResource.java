package com.sovereignstamp.bridge.api;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.canonical.JsonArray;
import com.sovereignstamp.audit.canonical.JsonNumber;
import com.sovereignstamp.audit.canonical.JsonObject;
import com.sovereignstamp.audit.canonical.JsonParseException;
import com.sovereignstamp.audit.canonical.JsonString;
import com.sovereignstamp.audit.canonical.JsonValue;
import com.sovereignstamp.bridge.audit.AuditUnavailableException;
import com.sovereignstamp.bridge.auth.Caller;
import com.sovereignstamp.bridge.auth.KeyStoreDefinition;
import com.sovereignstamp.bridge.policy.KeyRef;
import com.sovereignstamp.bridge.policy.PolicySnapshot;
import com.sovereignstamp.bridge.xks.XksException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.security.auth.x500.X500Principal;

/**
 * The watch: a client (the appliance) holds a long poll on its keys' status and its own grants. It
 * sends the policy version it knows; the answer comes at once if the policy has moved on, otherwise
 * when it does, or after the wait it asked for (at most {@code bridge.policy.watch-max-wait}) with
 * the same version. Authenticated like an XKS call: SigV4 with a credential of the key store, over
 * the client certificate that credential is tied to. Recorded as a counted read.
 *
 * <p>Request: {@code {"keyStore": "/prefix", "keys": ["id", …], "since": version, "waitMillis":
 * n}}. Answer: {@code {"version", "keyStore", "keys": [{"keyId", "status": ENABLED | REVOKED |
 * UNKNOWN, "uses": [what this caller is granted]}]}}.
 */
@Path("/bridge/watch")
@RequestScoped
public class WatchResource {
  private static final String PROBLEMS = Problems.TYPE_BASE + "watch/";
  private static final int MAX_BODY = 64 * 1024;
  private static final int MAX_KEYS = 256;

  @Inject BridgeRuntime runtime;
  @Context HttpServletRequest http;

  private record Watch(
      KeyStoreDefinition store, Caller caller, List<String> keys, long since, long waitMillis) {}

  @POST
  public void watch(InputStream in, @Suspended AsyncResponse async) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY + 1);
    AdminCallRecorder recorder =
        new AdminCallRecorder(runtime, "admin", "policy.watch", ClientCertificates.subject(http));
    Watch watch;
    try {
      watch = read(body, recorder);
      recorder.record("ok", "");
    } catch (XksException e) {
      async.resume(refuse(recorder, "authentication-failed", 401, "Not authenticated", e.detail()));
      return;
    } catch (IllegalArgumentException e) {
      async.resume(refuse(recorder, "bad-request", 400, "Bad request", e.getMessage()));
      return;
    } catch (AuditUnavailableException e) {
      async.resume(
          Problems.response(
              PROBLEMS + "audit-unavailable",
              500,
              "Audit trail unavailable",
              "the call could not be recorded"));
      return;
    }
    async.setTimeout(watch.waitMillis(), TimeUnit.MILLISECONDS);
    async.setTimeoutHandler(a -> a.resume(answer(watch, runtime.policyView().current())));
    runtime.policyView().newerThan(watch.since()).thenAccept(s -> async.resume(answer(watch, s)));
  }

  private Watch read(byte[] body, AdminCallRecorder recorder) {
    if (body.length > MAX_BODY) {
      throw new IllegalArgumentException("the body is larger than " + MAX_BODY + " bytes");
    }
    JsonObject o;
    try {
      if (!(CanonicalJson.parse(body) instanceof JsonObject parsed)) {
        throw new IllegalArgumentException("the body must be a JSON object");
      }
      o = parsed;
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("the body is not valid JSON");
    }
    if (!(o.get("keyStore") instanceof JsonString prefix)) {
      throw new IllegalArgumentException("keyStore must be a string");
    }
    recorder.key(prefix.value(), "");
    KeyStoreDefinition store =
        runtime
            .keyStores()
            .find(prefix.value())
            .orElseThrow(() -> new IllegalArgumentException("no key store " + prefix.value()));
    Caller caller =
        runtime
            .authenticator()
            .authenticate(
                store, XksResource.sigV4Request(http, "POST", body), ClientCertificates.of(http));
    recorder.credential(caller.accessKeyId());
    if (!(o.get("keys") instanceof JsonArray keys)
        || keys.elements().isEmpty()
        || keys.elements().size() > MAX_KEYS) {
      throw new IllegalArgumentException("keys must be an array of 1 to " + MAX_KEYS + " key ids");
    }
    List<String> ids = new ArrayList<>();
    for (JsonValue v : keys.elements()) {
      if (!(v instanceof JsonString id)) {
        throw new IllegalArgumentException("keys must hold key ids (strings)");
      }
      ids.add(id.value());
    }
    long since = number(o, "since", -1);
    long maxWait = runtime.settings().officers().watchMaxWait().toMillis();
    long wait = number(o, "waitMillis", maxWait);
    if (wait < 0) {
      throw new IllegalArgumentException("waitMillis must not be negative");
    }
    return new Watch(store, caller, ids, since, Math.max(1, Math.min(wait, maxWait)));
  }

  private static long number(JsonObject o, String name, long absent) {
    JsonValue v = o.get(name);
    if (v == null) {
      return absent;
    }
    if (!(v instanceof JsonNumber n) || n.value() != Math.rint(n.value())) {
      throw new IllegalArgumentException(name + " must be an integer");
    }
    return (long) n.value();
  }

  private Response answer(Watch watch, PolicySnapshot policy) {
    String subject = watch.caller().subject().map(X500Principal::getName).orElse("");
    CanonicalJson.ArrayBuilder keys = CanonicalJson.array();
    for (String id : watch.keys()) {
      KeyRef ref = new KeyRef(watch.store().uriPrefix(), id);
      Optional<com.sovereignstamp.bridge.policy.KeyPolicy> p =
          watch.store().key(id).isPresent() ? policy.key(ref) : Optional.empty();
      CanonicalJson.ArrayBuilder uses = CanonicalJson.array();
      p.flatMap(k -> k.grantFor(watch.caller().accessKeyId(), subject))
          .ifPresent(g -> g.uses().stream().sorted().forEach(u -> uses.add(u.wireName())));
      keys.add(
          CanonicalJson.object()
              .put("keyId", id)
              .put("status", p.map(k -> k.status().name()).orElse("UNKNOWN"))
              .put("uses", uses));
    }
    return Response.ok(
            CanonicalJson.serialize(
                CanonicalJson.object()
                    .put("version", policy.version())
                    .put("keyStore", watch.store().uriPrefix())
                    .put("keys", keys)
                    .build()))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  private static Response refuse(
      AdminCallRecorder recorder, String type, int status, String title, String detail) {
    try {
      recorder.record(type, detail);
    } catch (AuditUnavailableException e) {
      return Problems.response(
          PROBLEMS + "audit-unavailable",
          500,
          "Audit trail unavailable",
          "the call could not be recorded");
    }
    return Problems.response(PROBLEMS + type, status, title, detail);
  }
}
