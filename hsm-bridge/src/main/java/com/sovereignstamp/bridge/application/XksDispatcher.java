package com.sovereignstamp.bridge.application;

import com.sovereignstamp.bridge.audit.AuditTrail;
import com.sovereignstamp.bridge.audit.AuditUnavailableException;
import com.sovereignstamp.bridge.auth.Caller;
import com.sovereignstamp.bridge.auth.CallerAuthenticator;
import com.sovereignstamp.bridge.auth.KeyStoreDefinition;
import com.sovereignstamp.bridge.auth.KeyStoreRegistry;
import com.sovereignstamp.bridge.health.DeepHealthCheck;
import com.sovereignstamp.bridge.health.HealthReport;
import com.sovereignstamp.bridge.keys.KeyDefinition;
import com.sovereignstamp.bridge.metrics.BridgeMetrics;
import com.sovereignstamp.bridge.policy.KeyRef;
import com.sovereignstamp.bridge.policy.KeyUse;
import com.sovereignstamp.bridge.policy.PolicySnapshot;
import com.sovereignstamp.bridge.throttle.RateLimiter;
import com.sovereignstamp.bridge.xks.RequestMetadata;
import com.sovereignstamp.bridge.xks.XksError;
import com.sovereignstamp.bridge.xks.XksException;
import com.sovereignstamp.bridge.xks.XksKeyService;
import com.sovereignstamp.bridge.xks.XksOperation;
import com.sovereignstamp.bridge.xks.XksPath;
import com.sovereignstamp.bridge.xks.XksRequestParser;
import com.sovereignstamp.bridge.xks.XksResponses;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.x500.X500Principal;

/**
 * Answers one XKS call. The order of checks is fixed: the path must be an XKS path of a known key
 * store; the signature must hold for a credential of that store, presented by a client tied to it;
 * the store's quota must allow the call; the body must be valid; the asserted principal must be one
 * the credential may assert; the key id must belong to the store; the officers' policy must grant
 * the credential, over this client certificate, this use of the key, and the key must not be
 * revoked (a revoked key's metadata says {@code DISABLED}). Only then is the HSM asked. Every call
 * is recorded in the audit trail, counted and logged, whatever its outcome; a call the audit trail
 * cannot record is answered with {@code InternalException} instead of its result.
 */
public final class XksDispatcher {
  private static final Logger LOG = Logger.getLogger(XksDispatcher.class.getName());
  private final KeyStoreRegistry keyStores;
  private final CallerAuthenticator authenticator;
  private final RateLimiter limiter;
  private final XksRequestParser parser;
  private final XksKeyService keys;
  private final DeepHealthCheck health;
  private final HealthIdentity healthIdentity;
  private final BridgeMetrics metrics;
  private final CallLog log;
  private final AuditTrail audit;
  private final Supplier<PolicySnapshot> policy;
  private final Clock clock;
  private final LongSupplier nanoTime;

  public XksDispatcher(
      KeyStoreRegistry keyStores,
      CallerAuthenticator authenticator,
      RateLimiter limiter,
      XksRequestParser parser,
      XksKeyService keys,
      DeepHealthCheck health,
      HealthIdentity healthIdentity,
      BridgeMetrics metrics,
      AuditTrail audit,
      Supplier<PolicySnapshot> policy,
      Clock clock,
      LongSupplier nanoTime) {
    this.keyStores = keyStores;
    this.authenticator = authenticator;
    this.limiter = limiter;
    this.parser = parser;
    this.keys = keys;
    this.health = health;
    this.healthIdentity = healthIdentity;
    this.metrics = metrics;
    this.log = new CallLog();
    this.audit = audit;
    this.policy = policy;
    this.clock = clock;
    this.nanoTime = nanoTime;
  }

  public XksAnswer handle(XksCall call) {
    long start = nanoTime.getAsLong();
    CallRecord record = new CallRecord(clock.instant());
    XksAnswer answer;
    try {
      JsonObject body = dispatch(call, record);
      record.outcome = "ok";
      answer = new XksAnswer(200, body);
    } catch (XksException e) {
      record.outcome = e.error().errorName();
      record.detail = e.detail();
      answer = new XksAnswer(e.error().status(), XksResponses.error(e));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "unexpected failure answering an XKS call", e);
      record.detail = e.getClass().getSimpleName();
      answer = internalError(record);
    }
    return finish(call, record, answer, start);
  }

  /**
   * Answers a call refused before it could be read as an XKS request (a method other than POST, a
   * body over the size limit), recording it like any other.
   *
   * @param status the HTTP status to answer with
   */
  public XksAnswer refuse(XksCall call, XksException error, int status) {
    long start = nanoTime.getAsLong();
    CallRecord record = new CallRecord(clock.instant());
    XksPath.tryParse(call.request().rawPath())
        .ifPresent(
            path -> {
              record.operation = path.operation().pathName();
              record.keyStore = path.prefix();
              record.keyId = path.keyId().orElse("");
            });
    record.outcome = error.error().errorName();
    record.detail = error.detail();
    return finish(call, record, new XksAnswer(status, XksResponses.error(error)), start);
  }

  private XksAnswer finish(XksCall call, CallRecord record, XksAnswer answer, long start) {
    try {
      audit.record(
          record.audited(
              call.clientCertificate().map(c -> c.getSubjectX500Principal().getName()),
              nanoTime.getAsLong() - start));
    } catch (AuditUnavailableException e) {
      LOG.log(
          Level.SEVERE,
          "XKS call " + record.requestId + " refused: the audit trail cannot record it",
          e);
      metrics.auditFailure();
      record.detail = "audit trail unavailable";
      answer = internalError(record);
    }
    long took = nanoTime.getAsLong() - start;
    metrics.request(record.operation, record.outcome, took);
    log.record(record, took);
    return answer;
  }

  private static XksAnswer internalError(CallRecord record) {
    XksException internal = new XksException(XksError.INTERNAL, "Internal error.");
    record.outcome = internal.error().errorName();
    return new XksAnswer(internal.error().status(), XksResponses.error(internal));
  }

  private JsonObject dispatch(XksCall call, CallRecord record) {
    XksPath path = XksPath.parse(call.request().rawPath());
    record.operation = path.operation().pathName();
    record.keyStore = path.prefix();
    record.keyId = path.keyId().orElse("");
    KeyStoreDefinition store =
        keyStores
            .find(path.prefix())
            .orElseThrow(
                () ->
                    new XksException(
                        XksError.INVALID_URI_PATH,
                        "The URI path is not a valid XKS path.",
                        "unknown prefix"));
    Caller caller = authenticator.authenticate(store, call.request(), call.clientCertificate());
    record.caller = caller;
    if (!limiter.tryAcquire(store.uriPrefix(), store.requestsPerSecond())) {
      throw new XksException(
          XksError.THROTTLING, "The request rate for this key store is too high.");
    }
    byte[] body = call.request().body();
    if (path.operation() == XksOperation.HEALTH) {
      record.metadata = Optional.of(parser.healthMetadata(body));
      HealthReport report = health.report();
      metrics.health(report.health());
      return XksResponses.health(
          healthIdentity.fleetSize(), healthIdentity.vendor(), healthIdentity.model(), report);
    }
    return keyOperation(path, store, caller, body, record);
  }

  private JsonObject keyOperation(
      XksPath path, KeyStoreDefinition store, Caller caller, byte[] body, CallRecord record) {
    switch (path.operation()) {
      case METADATA -> {
        RequestMetadata md = parser.metadata(body, XksOperation.METADATA);
        record.metadata = Optional.of(md);
        authenticator.authorize(caller, md);
        KeyDefinition key = permitted(store, path, caller, KeyUse.METADATA, record);
        return XksResponses.metadata(keys.metadata(key));
      }
      case ENCRYPT -> {
        var request = parser.encrypt(body);
        record.metadata = Optional.of(request.metadata());
        authenticator.authorize(caller, request.metadata());
        return XksResponses.encrypt(
            keys.encrypt(permitted(store, path, caller, KeyUse.ENCRYPT, record), request));
      }
      case DECRYPT -> {
        var request = parser.decrypt(body);
        record.metadata = Optional.of(request.metadata());
        authenticator.authorize(caller, request.metadata());
        byte[] plaintext =
            keys.decrypt(permitted(store, path, caller, KeyUse.DECRYPT, record), request);
        try {
          return XksResponses.decrypt(plaintext);
        } finally {
          java.util.Arrays.fill(plaintext, (byte) 0);
        }
      }
      default -> throw new IllegalStateException("not a key operation: " + path.operation());
    }
  }

  /**
   * The key, if the officers' policy lets this caller use it so: no grant is {@code
   * AccessDeniedException}; a revoked key is {@code InvalidStateException} for encrypt and decrypt
   * and a disabled key for metadata.
   */
  private KeyDefinition permitted(
      KeyStoreDefinition store, XksPath path, Caller caller, KeyUse use, CallRecord record) {
    KeyDefinition key = key(store, path);
    KeyRef ref = new KeyRef(store.uriPrefix(), key.id());
    PolicySnapshot now = policy.get();
    String subject = caller.subject().map(X500Principal::getName).orElse("");
    if (!now.permits(ref, caller.accessKeyId(), subject, use)) {
      throw new XksException(
          XksError.ACCESS_DENIED,
          "The caller is not allowed to use this key.",
          "no grant for " + use.wireName());
    }
    if (!now.revoked(ref)) {
      return key;
    }
    if (use != KeyUse.METADATA) {
      throw new XksException(
          XksError.INVALID_STATE,
          "The external key is disabled.",
          "revoked by the security officers");
    }
    record.detail = "revoked by the security officers";
    return new KeyDefinition(key.id(), key.label(), key.version(), false);
  }

  private static KeyDefinition key(KeyStoreDefinition store, XksPath path) {
    String id = path.keyId().orElseThrow();
    return store
        .key(id)
        .orElseThrow(
            () ->
                new XksException(
                    XksError.KEY_NOT_FOUND, "The external key was not found.", "not in key store"));
  }
}
