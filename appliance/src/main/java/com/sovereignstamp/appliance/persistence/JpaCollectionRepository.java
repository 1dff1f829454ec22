package com.sovereignstamp.appliance.persistence;

import com.sovereignstamp.appliance.keys.KeyKind;
import com.sovereignstamp.appliance.keys.KeyRef;
import com.sovereignstamp.appliance.keys.NewCollectionKeys;
import com.sovereignstamp.appliance.keys.WrappedKey;
import com.sovereignstamp.appliance.storage.Classification;
import com.sovereignstamp.appliance.storage.CollectionExistsException;
import com.sovereignstamp.appliance.storage.CollectionRepository;
import com.sovereignstamp.appliance.storage.StoredCollection;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Collections and their wrapped keys in {@code stamp_collection} and {@code stamp_wrapped_key}. A
 * collection found by name is remembered for {@code cacheTtl} (every request names one; a
 * collection's row changes only when its key versions do, and a version a few seconds old is still
 * a valid one).
 */
public final class JpaCollectionRepository implements CollectionRepository {
  private final ApplianceDatabase db;
  private final String residency;
  private final Clock clock;
  private final long cacheTtlNanos;
  private final LongSupplier nanoClock;
  private final ConcurrentHashMap<String, Remembered> byName = new ConcurrentHashMap<>();

  public JpaCollectionRepository(
      ApplianceDatabase db,
      String residency,
      Clock clock,
      Duration cacheTtl,
      LongSupplier nanoClock) {
    this.db = db;
    this.residency = residency;
    this.clock = clock;
    this.cacheTtlNanos = cacheTtl.toNanos();
    this.nanoClock = nanoClock;
  }

  private record Remembered(StoredCollection collection, long atNanos) {}

  @Override
  public StoredCollection create(
      String name,
      Classification classification,
      NewCollectionKeys keys,
      Consumer<StoredCollection> beforeCommit) {
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    try {
      return db.inTransaction(
          em -> {
            CollectionEntity c = new CollectionEntity();
            c.id = UUID.randomUUID();
            c.name = name;
            c.classification = classification.wireName();
            c.dekVersion = NewCollectionKeys.FIRST_VERSION;
            c.indexKeyVersion = NewCollectionKeys.FIRST_VERSION;
            c.cmkKeyId = keys.dek().cmkKeyId();
            c.createdAt = now;
            c.residency = residency;
            em.persist(c);
            em.persist(wrappedKey(c.id, KeyKind.DEK, keys.dek(), now));
            em.persist(wrappedKey(c.id, KeyKind.INDEX_KEY, keys.indexKey(), now));
            em.flush();
            StoredCollection stored = toDomain(c);
            beforeCommit.accept(stored);
            return stored;
          });
    } catch (PersistenceException e) {
      if (load(name).isPresent()) {
        throw new CollectionExistsException(name);
      }
      throw e;
    }
  }

  @Override
  public Optional<StoredCollection> find(String name) {
    long now = nanoClock.getAsLong();
    Remembered r = byName.get(name);
    if (r != null && now - r.atNanos() < cacheTtlNanos) {
      return Optional.of(r.collection());
    }
    Optional<StoredCollection> found = load(name);
    found.ifPresent(c -> byName.put(name, new Remembered(c, now)));
    return found;
  }

  private Optional<StoredCollection> load(String name) {
    return db.inTransaction(
        em ->
            em.createQuery(
                    "SELECT c FROM CollectionEntity c WHERE c.name = :n", CollectionEntity.class)
                .setParameter("n", name)
                .getResultStream()
                .findFirst()
                .map(JpaCollectionRepository::toDomain));
  }

  @Override
  public List<StoredCollection> list() {
    return db.inTransaction(
        em ->
            em.createQuery(
                    "SELECT c FROM CollectionEntity c ORDER BY c.name", CollectionEntity.class)
                .getResultStream()
                .map(JpaCollectionRepository::toDomain)
                .toList());
  }

  @Override
  public WrappedKey find(KeyRef ref) {
    return db.inTransaction(
        em ->
            em.createQuery(
                    "SELECT k FROM WrappedKeyEntity k WHERE k.collectionId = :c AND k.kind = :k"
                        + " AND k.version = :v",
                    WrappedKeyEntity.class)
                .setParameter("c", ref.collectionId())
                .setParameter("k", kindName(ref.kind()))
                .setParameter("v", ref.version())
                .getResultStream()
                .findFirst()
                .map(
                    k ->
                        new WrappedKey(k.cmkKeyId, k.iv, k.ciphertext, k.tag, k.ciphertextMetadata))
                .orElseThrow(() -> new IllegalStateException("no wrapped key " + ref)));
  }

  private WrappedKeyEntity wrappedKey(
      UUID collectionId, KeyKind kind, WrappedKey key, OffsetDateTime now) {
    WrappedKeyEntity k = new WrappedKeyEntity();
    k.id = UUID.randomUUID();
    k.collectionId = collectionId;
    k.kind = kindName(kind);
    k.version = NewCollectionKeys.FIRST_VERSION;
    k.cmkKeyId = key.cmkKeyId();
    k.iv = key.iv();
    k.ciphertext = key.ciphertext();
    k.tag = key.tag();
    k.ciphertextMetadata = key.ciphertextMetadata();
    k.createdAt = now;
    k.residency = residency;
    return k;
  }

  static String kindName(KeyKind kind) {
    return kind == KeyKind.DEK ? "dek" : "index-key";
  }

  static StoredCollection toDomain(CollectionEntity c) {
    return new StoredCollection(
        c.id,
        c.name,
        Classification.valueOf(c.classification.toUpperCase(java.util.Locale.ROOT)),
        c.createdAt.toInstant(),
        c.dekVersion,
        c.indexKeyVersion,
        c.cmkKeyId);
  }
}
