package com.sovereignstamp.appliance.keys;

import com.sovereignstamp.appliance.audit.Actor;
import com.sovereignstamp.appliance.audit.AuditEvent;
import com.sovereignstamp.appliance.audit.AuditTrail;
import com.sovereignstamp.appliance.audit.Outcome;
import com.sovereignstamp.appliance.residency.StampIdentity;
import com.sovereignstamp.format.CollectionScope;
import com.sovereignstamp.format.FormatV1;
import com.sovereignstamp.format.WrapContext;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * A collection's keys: made fresh and wrapped by the customer's key when the collection is created;
 * unwrapped through the bridge on a cache miss, with the wrap context (stamp, region, collection,
 * key kind and version, customer key id) as AAD so a wrapped key copied elsewhere fails. Every wrap
 * and unwrap is audited; an unwrap that cannot be audited is not used.
 */
public final class CollectionKeys {
  private final StampIdentity identity;
  private final KeyWrapper wrapper;
  private final WrappedKeys store;
  private final DekCache cache;
  private final AuditTrail audit;
  private final SecureRandom random;
  private volatile KeyServiceFailures failures = KeyServiceFailures.IGNORED;

  public CollectionKeys(
      StampIdentity identity,
      KeyWrapper wrapper,
      WrappedKeys store,
      DekCache cache,
      AuditTrail audit,
      SecureRandom random) {
    this.identity = identity;
    this.wrapper = wrapper;
    this.store = store;
    this.cache = cache;
    this.audit = audit;
    this.random = random;
  }

  /** Makes and wraps version 1 of a new collection's DEK and index key; nothing is kept here. */
  public NewCollectionKeys create(String collection, Actor actor) {
    CollectionScope scope = identity.scope(collection);
    String cmk = wrapper.cmkKeyId();
    WrappedKey dek =
        wrapFresh(collection, KeyKind.DEK, wrapContext(scope, KeyKind.DEK, 1, cmk), actor);
    WrappedKey index =
        wrapFresh(
            collection, KeyKind.INDEX_KEY, wrapContext(scope, KeyKind.INDEX_KEY, 1, cmk), actor);
    return new NewCollectionKeys(dek, index);
  }

  /**
   * A lease on a collection key, from the cache or unwrapped through the bridge.
   *
   * @throws KeyServiceException when the bridge did not unwrap it
   * @throws com.sovereignstamp.appliance.audit.AuditUnavailableException when the unwrap could not
   *     be audited
   */
  public KeyLease lease(KeyRef ref, String collection, Actor actor) {
    return cache.lease(ref, () -> unwrapAudited(ref, collection, actor));
  }

  /**
   * A lease on a collection key only if this node holds it within its hard TTL (degraded mode):
   * never asks the bridge.
   */
  public Optional<KeyLease> leaseCached(KeyRef ref) {
    return cache.leaseCached(ref);
  }

  /** Who hears of the bridge's failures to serve the key (the operating mode). */
  public void reportFailuresTo(KeyServiceFailures failures) {
    this.failures = failures;
  }

  public DekCache cache() {
    return cache;
  }

  private WrappedKey wrapFresh(String collection, KeyKind kind, byte[] aad, Actor actor) {
    byte[] key = new byte[FormatV1.KEY_SIZE];
    random.nextBytes(key);
    AuditEvent.Builder event =
        AuditEvent.of("key.wrap", actor)
            .with("collection", collection)
            .with("key", kind.name().toLowerCase(java.util.Locale.ROOT))
            .with("keyVersion", 1)
            .with("cmkKeyId", wrapper.cmkKeyId());
    try {
      WrappedKey wrapped = wrapper.wrap(key, aad);
      audit.record(event.outcome(Outcome.SUCCESS));
      return wrapped;
    } catch (KeyServiceException e) {
      recordFailure(event.with("reason", e.reason()));
      failures.failed(e);
      throw e;
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private byte[] unwrapAudited(KeyRef ref, String collection, Actor actor) {
    WrappedKey wrapped = store.find(ref);
    AuditEvent.Builder event =
        AuditEvent.of("key.unwrap", actor)
            .with("collection", collection)
            .with("key", ref.kind().name().toLowerCase(java.util.Locale.ROOT))
            .with("keyVersion", ref.version())
            .with("cmkKeyId", wrapped.cmkKeyId());
    byte[] aad =
        wrapContext(identity.scope(collection), ref.kind(), ref.version(), wrapped.cmkKeyId());
    byte[] key;
    try {
      key = wrapper.unwrap(wrapped, aad);
    } catch (KeyServiceException e) {
      recordFailure(event.with("reason", e.reason()));
      failures.failed(e);
      throw e;
    }
    try {
      audit.record(event.outcome(Outcome.SUCCESS));
      return key;
    } catch (RuntimeException e) {
      Arrays.fill(key, (byte) 0);
      throw e;
    }
  }

  /** Best effort: the bridge's failure is what the caller must see, even if this fails too. */
  private void recordFailure(AuditEvent.Builder event) {
    try {
      audit.record(event.outcome(Outcome.FAILURE));
    } catch (RuntimeException ignored) {
      // the original failure is rethrown by the caller
    }
  }

  static byte[] wrapContext(CollectionScope scope, KeyKind kind, int version, String cmk) {
    return kind == KeyKind.DEK
        ? WrapContext.forDek(scope, version, cmk)
        : WrapContext.forIndexKey(scope, version, cmk);
  }
}
