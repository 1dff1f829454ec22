package com.sovereignstamp.appliance.storage;

import com.sovereignstamp.appliance.audit.Actor;
import com.sovereignstamp.appliance.audit.AuditEvent;
import com.sovereignstamp.appliance.audit.AuditTrail;
import com.sovereignstamp.appliance.audit.Outcome;
import com.sovereignstamp.appliance.keys.CollectionKeys;
import com.sovereignstamp.appliance.keys.KeyKind;
import com.sovereignstamp.appliance.keys.KeyLease;
import com.sovereignstamp.appliance.keys.KeyRef;
import com.sovereignstamp.appliance.mode.KeyAccess;
import com.sovereignstamp.appliance.mode.ModeRefusedException;
import com.sovereignstamp.appliance.mode.OperatingMode;
import com.sovereignstamp.appliance.mode.Refusal;
import com.sovereignstamp.appliance.residency.StampIdentity;
import com.sovereignstamp.format.BlindIndex;
import com.sovereignstamp.format.ContentKeys;
import com.sovereignstamp.format.EncryptionContext;
import com.sovereignstamp.format.IntegrityFailureException;
import com.sovereignstamp.format.Labels;
import com.sovereignstamp.format.MetadataCipher;
import com.sovereignstamp.format.Purpose;
import com.sovereignstamp.format.SegmentDecryptor;
import com.sovereignstamp.format.SegmentEncryptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Storing and reading documents: content in 64 KiB AES-256-GCM segments under a per-object key
 * derived from the collection's DEK, name and labels encrypted the same way, the data-subject id as
 * a blind index. A write and its segments commit together or not at all. Reads authenticate every
 * segment before releasing it; documents up to {@link #BUFFERED_SEGMENTS} segments are checked
 * whole before the first byte is answered.
 */
public final class DocumentService {
  /** Up to this many segments (1 MiB) a document is decrypted whole before it is answered. */
  public static final int BUFFERED_SEGMENTS = 16;

  private final StampIdentity identity;
  private final CollectionRepository collections;
  private final DocumentRepository documents;
  private final CollectionKeys keys;
  private final AuditTrail audit;
  private final SecureRandom random;
  private final Clock clock;
  private final long maxSize;
  private final OperatingMode mode;
  private final Set<Classification> servedWhileDegraded;

  public DocumentService(
      StampIdentity identity,
      CollectionRepository collections,
      DocumentRepository documents,
      CollectionKeys keys,
      AuditTrail audit,
      SecureRandom random,
      Clock clock,
      long maxSize,
      OperatingMode mode,
      Set<Classification> servedWhileDegraded) {
    this.identity = identity;
    this.collections = collections;
    this.documents = documents;
    this.keys = keys;
    this.audit = audit;
    this.random = random;
    this.clock = clock;
    this.maxSize = maxSize;
    this.mode = mode;
    this.servedWhileDegraded = Set.copyOf(servedWhileDegraded);
  }

  public long maxSize() {
    return maxSize;
  }

  /**
   * Creates or replaces a document.
   *
   * @throws IOException if the content could not be read to its end (nothing is stored)
   */
  public DocumentMetadata put(Upload upload, Actor actor) throws IOException {
    mode.checkWrite();
    StoredCollection c = collection(upload.collection());
    String id = Names.documentId(upload.documentId());
    EncryptionContext context = new EncryptionContext(identity.scope(c.name()), id);
    byte[] nameBlob = null;
    byte[] labelsBlob = null;
    byte[] subjectHash = null;
    if (upload.dataSubject() != null) {
      KeyRef ref = new KeyRef(c.id(), KeyKind.INDEX_KEY, c.indexKeyVersion());
      try (KeyLease index = keys.lease(ref, c.name(), actor)) {
        subjectHash = BlindIndex.compute(index.key(), context.scope(), utf8(upload.dataSubject()));
      }
    }
    SegmentEncryptor encryptor;
    try (KeyLease dek = dek(c, c.dekVersion(), actor, KeyAccess.CACHE_OR_BRIDGE)) {
      ContentKeys ck = ContentKeys.collectionDek(c.dekVersion(), dek.key());
      if (upload.name() != null) {
        nameBlob = MetadataCipher.seal(ck, context, Purpose.NAME, utf8(upload.name()), random);
      }
      if (!upload.labels().isEmpty()) {
        byte[] encoded = Labels.encode(upload.labels());
        labelsBlob = MetadataCipher.seal(ck, context, Purpose.LABELS, encoded, random);
      }
      // last, so that nothing between here and the try-with-resources below can leave it open
      encryptor = SegmentEncryptor.start(ck, context, Purpose.CONTENT, random);
    }
    AuditEvent.Builder event =
        AuditEvent.of("document.write", actor)
            .with("collection", c.name())
            .with("document", id)
            .with("keyVersion", c.dekVersion())
            .with("cmkKeyId", c.cmkKeyId());
    byte[] name = nameBlob;
    byte[] labels = labelsBlob;
    byte[] subject = subjectHash;
    Instant now = clock.instant();
    try (SegmentEncryptor enc = encryptor) {
      StoredDocument stored =
          documents.write(
              c.id(),
              id,
              (objectId, written, previous) ->
                  new StoredDocument(
                      c.id(),
                      id,
                      objectId,
                      upload.contentType(),
                      written.size(),
                      written.segmentCount(),
                      written.header(),
                      name,
                      labels,
                      subject,
                      c.dekVersion(),
                      c.indexKeyVersion(),
                      previous == null ? now : previous.createdAt(),
                      now,
                      previous == null ? 1 : previous.revision() + 1),
              sink -> {
                LimitedInputStream in = new LimitedInputStream(upload.content(), maxSize);
                int segments = enc.encrypt(in, sink);
                return new WrittenContent(enc.header(), in.count(), segments);
              },
              row -> {
                mode.checkWrite(); // commits only while NORMAL: nothing lands after a revocation
                audit.record(
                    event
                        .with("size", row.size())
                        .with("revision", row.revision())
                        .outcome(Outcome.SUCCESS));
              });
      return new DocumentMetadata(
          c.name(),
          id,
          upload.name(),
          stored.contentType(),
          stored.size(),
          upload.labels(),
          subject != null,
          stored.createdAt(),
          stored.updatedAt(),
          stored.revision(),
          stored.dekVersion(),
          c.cmkKeyId(),
          stored.segmentCount());
    } catch (IOException | RuntimeException e) {
      recordFailure(event.with("reason", e.getClass().getSimpleName()));
      throw e;
    }
  }

  /** The document's metadata, decrypted. */
  public DocumentMetadata metadata(String collection, String documentId, Actor actor) {
    StoredCollection c = collection(collection);
    KeyAccess access = checkRead(c);
    StoredDocument d = document(c, documentId);
    try (KeyLease dek = dek(c, d.dekVersion(), actor, access)) {
      return decryptMetadata(c, d, ContentKeys.collectionDek(d.dekVersion(), dek.key()), actor);
    }
  }

  /** One page of a collection's documents, by id, with decrypted metadata. */
  public DocumentPage<DocumentMetadata> list(
      String collection, String afterId, int limit, Actor actor) {
    StoredCollection c = collection(collection);
    KeyAccess access = checkRead(c);
    DocumentPage<StoredDocument> page = documents.list(c.id(), afterId, limit);
    List<DocumentMetadata> items = new ArrayList<>(page.items().size());
    for (StoredDocument d : page.items()) {
      try (KeyLease dek = dek(c, d.dekVersion(), actor, access)) {
        items.add(
            decryptMetadata(c, d, ContentKeys.collectionDek(d.dekVersion(), dek.key()), actor));
      }
    }
    return new DocumentPage<>(items, page.nextAfter());
  }

  /**
   * The document's content. Small documents are authenticated whole here; larger ones one segment
   * at a time while the stream is read.
   *
   * @throws StoredContentIntegrityException when the stored content or metadata fails its check
   */
  public DocumentContent read(String collection, String documentId, Actor actor) {
    StoredCollection c = collection(collection);
    KeyAccess access = checkRead(c);
    String id = Names.documentId(documentId);
    DocumentSnapshot snapshot =
        documents
            .read(c.id(), id, BUFFERED_SEGMENTS)
            .orElseThrow(() -> new UnknownDocumentException(c.name(), id));
    StoredDocument d = snapshot.document();
    EncryptionContext context = new EncryptionContext(identity.scope(c.name()), d.documentId());
    DocumentMetadata metadata;
    SegmentDecryptor decryptor;
    try (KeyLease dek = dek(c, d.dekVersion(), actor, access)) {
      ContentKeys ck = ContentKeys.collectionDek(d.dekVersion(), dek.key());
      metadata = decryptMetadata(c, d, ck, actor);
      decryptor =
          guarded(
              c,
              d,
              actor,
              "header",
              h -> SegmentDecryptor.open(h, ck, context, Purpose.CONTENT),
              d.header());
    }
    if (snapshot.segments() != null) {
      try (SegmentDecryptor dec = decryptor) {
        if (snapshot.segments().size() != d.segmentCount()) {
          throw integrityFailure(c, d, actor, "segment count");
        }
        byte[] plaintext = guarded(c, d, actor, "content", dec::decryptAll, snapshot.segments());
        mode.checkNotRevoked();
        return new DocumentContent(
            metadata, new RevocableStream(new ByteArrayInputStream(plaintext), mode));
      }
    }
    SegmentCursor cursor = documents.segments(d.objectId());
    InputStream plaintext = decryptor.plaintext(cursor);
    return new DocumentContent(
        metadata,
        new AuditedPlaintext(
            new RevocableStream(plaintext, mode),
            () -> {
              cursor.close();
              decryptor.close();
            },
            () -> integrityFailure(c, d, actor, "content")));
  }

  /** Deletes a document and its segments; false if there was none. */
  public boolean delete(String collection, String documentId, Actor actor) {
    mode.checkWrite();
    StoredCollection c = collection(collection);
    String id = Names.documentId(documentId);
    return documents.delete(
        c.id(),
        id,
        row -> {
          mode.checkWrite();
          audit.record(
              AuditEvent.of("document.delete", actor)
                  .with("collection", c.name())
                  .with("document", id)
                  .with("revision", row.revision())
                  .outcome(Outcome.SUCCESS));
        });
  }

  private DocumentMetadata decryptMetadata(
      StoredCollection c, StoredDocument d, ContentKeys ck, Actor actor) {
    EncryptionContext context = new EncryptionContext(identity.scope(c.name()), d.documentId());
    String name =
        d.nameBlob() == null
            ? null
            : new String(
                guarded(
                    c,
                    d,
                    actor,
                    "name",
                    b -> MetadataCipher.open(b, ck, context, Purpose.NAME),
                    d.nameBlob()),
                StandardCharsets.UTF_8);
    List<String> labels =
        d.labelsBlob() == null
            ? List.of()
            : Labels.decode(
                guarded(
                    c,
                    d,
                    actor,
                    "labels",
                    b -> MetadataCipher.open(b, ck, context, Purpose.LABELS),
                    d.labelsBlob()));
    return new DocumentMetadata(
        c.name(),
        d.documentId(),
        name,
        d.contentType(),
        d.size(),
        labels,
        d.subjectHash() != null,
        d.createdAt(),
        d.updatedAt(),
        d.revision(),
        d.dekVersion(),
        c.cmkKeyId(),
        d.segmentCount());
  }

  /** Runs a decryption; an integrity failure is audited and becomes the domain's exception. */
  private <T, R> R guarded(
      StoredCollection c, StoredDocument d, Actor actor, String part, Function<T, R> f, T input) {
    try {
      return f.apply(input);
    } catch (IntegrityFailureException e) {
      throw integrityFailure(c, d, actor, part);
    }
  }

  private StoredContentIntegrityException integrityFailure(
      StoredCollection c, StoredDocument d, Actor actor, String part) {
    recordFailure(
        AuditEvent.of("document.integrity-failure", actor)
            .with("collection", c.name())
            .with("document", d.documentId())
            .with("object", d.objectId())
            .with("revision", d.revision())
            .with("part", part)
            .with("keyVersion", d.dekVersion())
            .with("cmkKeyId", c.cmkKeyId()));
    return new StoredContentIntegrityException(c.name(), d.documentId());
  }

  private void recordFailure(AuditEvent.Builder event) {
    try {
      audit.record(event.outcome(Outcome.FAILURE));
    } catch (RuntimeException ignored) {
      // the original failure is what the caller sees
    }
  }

  /** Whether the mode lets this collection be read now, and from where its key may come. */
  private KeyAccess checkRead(StoredCollection c) {
    return mode.checkRead(servedWhileDegraded.contains(c.classification()));
  }

  private KeyLease dek(StoredCollection c, int version, Actor actor, KeyAccess access) {
    KeyRef ref = new KeyRef(c.id(), KeyKind.DEK, version);
    if (access == KeyAccess.CACHE_ONLY) {
      return keys.leaseCached(ref)
          .orElseThrow(() -> new ModeRefusedException(Refusal.KEY_NOT_CACHED, mode.current()));
    }
    return keys.lease(ref, c.name(), actor);
  }

  private StoredCollection collection(String name) {
    return collections.find(name).orElseThrow(() -> new UnknownCollectionException(name));
  }

  private StoredDocument document(StoredCollection c, String documentId) {
    String id = Names.documentId(documentId);
    return documents.find(c.id(), id).orElseThrow(() -> new UnknownDocumentException(c.name(), id));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
