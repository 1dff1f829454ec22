package com.sovereignstamp.appliance.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.appliance.audit.Actor;
import com.sovereignstamp.appliance.keys.CollectionKeys;
import com.sovereignstamp.appliance.keys.DekCache;
import com.sovereignstamp.appliance.keys.DekCacheSettings;
import com.sovereignstamp.appliance.keys.KeyServiceException;
import com.sovereignstamp.appliance.mode.KeyPurgeOnRevocation;
import com.sovereignstamp.appliance.mode.ModeRefusedException;
import com.sovereignstamp.appliance.mode.OperatingMode;
import com.sovereignstamp.appliance.mode.Refusal;
import com.sovereignstamp.appliance.persistence.ApplianceDatabase;
import com.sovereignstamp.appliance.persistence.AuditLogTrail;
import com.sovereignstamp.appliance.persistence.DatabaseSettings;
import com.sovereignstamp.appliance.persistence.JpaCollectionRepository;
import com.sovereignstamp.appliance.persistence.JpaDocumentRepository;
import com.sovereignstamp.appliance.residency.RegionChangedException;
import com.sovereignstamp.appliance.residency.StampIdentity;
import com.sovereignstamp.audit.storage.AuditLog;
import com.sovereignstamp.audit.storage.AuditSchema;
import com.sovereignstamp.fips.BcFips;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The storage layer on a real database (H2 and PostgreSQL run the same contract): documents and
 * their segments commit or vanish together, every row carries the region and the database itself
 * refuses a row of another region, tampering fails the integrity check and is audited, wrapped keys
 * are bound to their collection.
 */
abstract class DocumentStorageContract {
  static final int SEGMENT = 64 * 1024;
  static final Actor ALICE = new Actor("alice", "Alice");
  static final long MAX_SIZE = 2 * 1024 * 1024;

  final StampIdentity identity = new StampIdentity("stamp-test", "eu-de");
  final SoftwareKeyWrapper wrapper = new SoftwareKeyWrapper();
  DatabaseSettings settings;
  ApplianceDatabase db;
  AuditLog auditLog;
  CollectionService collections;
  DocumentService documents;
  OperatingMode mode;
  DekCache cache;

  abstract DatabaseSettings database() throws Exception;

  @BeforeEach
  void open() throws Exception {
    BcFips.provider();
    settings = database();
    db = ApplianceDatabase.open(settings, identity);
    auditLog = AuditLog.open(db.dataSource(), 64, Duration.ofSeconds(5), Clock.systemUTC());
    AuditLogTrail audit = new AuditLogTrail(auditLog, identity, Clock.systemUTC());
    JpaCollectionRepository collectionRepository =
        new JpaCollectionRepository(
            db, identity.region(), Clock.systemUTC(), Duration.ofSeconds(5), System::nanoTime);
    cache =
        new DekCache(
            new DekCacheSettings(Duration.ofSeconds(60), Duration.ofSeconds(300)),
            System::nanoTime,
            Runnable::run);
    CollectionKeys keys =
        new CollectionKeys(identity, wrapper, collectionRepository, cache, audit, BcFips.drbg());
    mode = new OperatingMode(Clock.systemUTC());
    mode.addListener(new KeyPurgeOnRevocation(cache));
    collections = new CollectionService(collectionRepository, keys, audit, mode);
    documents =
        new DocumentService(
            identity,
            collectionRepository,
            new JpaDocumentRepository(db, identity.region()),
            keys,
            audit,
            BcFips.drbg(),
            Clock.systemUTC(),
            MAX_SIZE,
            mode,
            Set.of(Classification.STANDARD));
  }

  @AfterEach
  void close() throws Exception {
    auditLog.close();
    db.close();
  }

  DocumentMetadata put(String collection, String id, byte[] content) throws IOException {
    return documents.put(
        new Upload(
            collection,
            id,
            "application/octet-stream",
            null,
            List.of(),
            null,
            new ByteArrayInputStream(content)),
        ALICE);
  }

  byte[] read(String collection, String id) throws IOException {
    try (InputStream in = documents.read(collection, id, ALICE).plaintext()) {
      return in.readAllBytes();
    }
  }

  long count(String sql) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement q = c.prepareStatement(sql);
        ResultSet r = q.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  void update(String sql, Object... parameters) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement u = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        u.setObject(i + 1, parameters[i]);
      }
      u.executeUpdate();
    }
  }

  List<String> auditEntries() throws Exception {
    auditLog.awaitTable(auditLog.tree().size());
    List<String> out = new ArrayList<>();
    for (byte[] e : auditLog.entries(0, auditLog.tree().size())) {
      out.add(new String(e, StandardCharsets.UTF_8));
    }
    return out;
  }

  @Test
  void contentOfEverySizeAroundTheSegmentBoundaryReadsBackIdentical() throws Exception {
    collections.create("docs", "standard", ALICE);
    Random random = new Random(1);
    for (int size : new int[] {0, 1, SEGMENT - 1, SEGMENT, SEGMENT + 1, 17 * SEGMENT + 3}) {
      byte[] content = new byte[size];
      random.nextBytes(content);
      put("docs", "d" + size, content);
      assertThat(read("docs", "d" + size)).as("size %d", size).isEqualTo(content);
    }
  }

  // --- operating modes -------------------------------------------------------------------------

  static void assertRefused(
      Refusal refusal, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ModeRefusedException.class, e -> assertThat(e.refusal()).isEqualTo(refusal));
  }

  @Test
  void degradedModeRefusesEveryWriteAndLeavesNoRows() throws Exception {
    collections.create("docs", "standard", ALICE);
    put("docs", "kept", new byte[10]);
    mode.unreachable("test: bridge dark");
    assertRefused(Refusal.READ_ONLY, () -> put("docs", "new", new byte[10]));
    assertRefused(Refusal.READ_ONLY, () -> documents.delete("docs", "kept", ALICE));
    assertRefused(Refusal.READ_ONLY, () -> collections.create("more", "standard", ALICE));
    assertThat(count("SELECT count(*) FROM stamp_document")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM stamp_segment")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM stamp_collection")).isEqualTo(1);
  }

  @Test
  void degradedModeServesStandardCollectionsFromCachedKeysOnly() throws Exception {
    collections.create("cached", "standard", ALICE);
    collections.create("cold", "standard", ALICE);
    collections.create("secret", "critical", ALICE);
    byte[] content = "still readable".getBytes(StandardCharsets.UTF_8);
    put("cached", "d", content);
    put("secret", "d", content);
    mode.unreachable("test: bridge dark");
    // the key of "cold" was wrapped at creation but never unwrapped on this node
    int unwraps = wrapper.unwraps.get();
    assertThat(read("cached", "d")).isEqualTo(content);
    assertThat(documents.list("cached", null, 10, ALICE).items()).hasSize(1);
    assertRefused(Refusal.NOT_SERVED_WHILE_DEGRADED, () -> documents.read("secret", "d", ALICE));
    cache.purgeAll();
    assertRefused(Refusal.KEY_NOT_CACHED, () -> documents.read("cached", "d", ALICE));
    assertThat(wrapper.unwraps.get()).as("degraded mode never asks the bridge").isEqualTo(unwraps);
  }

  @Test
  void revokedModeRefusesEveryContentOperationAndZeroesEveryCachedKey() throws Exception {
    collections.create("docs", "standard", ALICE);
    byte[] content = new byte[100];
    put("docs", "d", content);
    assertThat(read("docs", "d")).isEqualTo(content);
    assertThat(cache.inMemory()).isEqualTo(1);
    mode.revoked("test: officers revoked the key");
    assertThat(cache.size()).isZero();
    assertThat(cache.inMemory()).as("every key zeroed").isZero();
    assertRefused(Refusal.KEY_REVOKED, () -> read("docs", "d"));
    assertRefused(Refusal.KEY_REVOKED, () -> documents.metadata("docs", "d", ALICE));
    assertRefused(Refusal.KEY_REVOKED, () -> documents.list("docs", null, 10, ALICE));
    assertRefused(Refusal.KEY_REVOKED, () -> put("docs", "e", content));
    assertRefused(Refusal.KEY_REVOKED, () -> documents.delete("docs", "d", ALICE));
  }

  @Test
  void aDownloadRunningWhenTheKeyIsRevokedStopsAtItsNextReadAndLetsTheKeyBeZeroed()
      throws Exception {
    collections.create("docs", "standard", ALICE);
    byte[] content = new byte[24 * SEGMENT]; // more than the buffered 16 segments: a cursor
    new Random(7).nextBytes(content);
    put("docs", "big", content);
    try (InputStream in = documents.read("docs", "big", ALICE).plaintext()) {
      assertThat(in.readNBytes(SEGMENT)).isEqualTo(java.util.Arrays.copyOf(content, SEGMENT));
      mode.revoked("test: officers revoked the key");
      assertThatThrownBy(() -> in.read(new byte[SEGMENT]))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("revoked");
    }
    assertThat(cache.inMemory()).as("zeroed once the stream let go").isZero();
  }

  @Test
  void aWriteUnderWayWhenTheKeyIsRevokedIsNotCommitted() throws Exception {
    collections.create("docs", "standard", ALICE);
    InputStream revokedMidway =
        new InputStream() {
          int sent;

          @Override
          public int read() {
            if (sent++ == 2 * SEGMENT) {
              mode.revoked("test: officers revoked the key during an upload");
            }
            return sent > 3 * SEGMENT ? -1 : 1;
          }
        };
    assertThatThrownBy(
            () ->
                documents.put(
                    new Upload("docs", "late", "text/plain", null, List.of(), null, revokedMidway),
                    ALICE))
        .isInstanceOf(ModeRefusedException.class);
    assertThat(count("SELECT count(*) FROM stamp_document")).isZero();
    assertThat(count("SELECT count(*) FROM stamp_segment")).isZero();
  }

  @Test
  void backToNormalAfterVerificationReadsAndWritesAgain() throws Exception {
    collections.create("docs", "standard", ALICE);
    put("docs", "d", new byte[5]);
    mode.revoked("test");
    mode.verified("test: reinstated and a test unwrap succeeded");
    put("docs", "e", new byte[5]);
    assertThat(read("docs", "d")).hasSize(5);
  }

  @Test
  void replacingAdocumentRemovesTheReplacedSegments() throws Exception {
    collections.create("docs", "standard", ALICE);
    put("docs", "d", new byte[3 * SEGMENT]);
    put("docs", "d", new byte[10]);
    assertThat(count("SELECT count(*) FROM stamp_segment")).isEqualTo(1);
    assertThat(documents.metadata("docs", "d", ALICE).revision()).isEqualTo(2);
  }

  @Test
  void aWriteThatBreaksOffLeavesNoDocumentAndNoSegments() throws Exception {
    collections.create("docs", "standard", ALICE);
    InputStream breaksOff =
        new InputStream() {
          int sent;

          @Override
          public int read() throws IOException {
            if (sent++ > 3 * SEGMENT) {
              throw new IOException("client went away");
            }
            return 7;
          }
        };
    assertThatThrownBy(
            () ->
                documents.put(
                    new Upload("docs", "broken", "text/plain", "name", List.of(), null, breaksOff),
                    ALICE))
        .isInstanceOf(IOException.class);
    assertThat(count("SELECT count(*) FROM stamp_segment")).isZero();
    assertThat(count("SELECT count(*) FROM stamp_document")).isZero();
    assertThat(auditEntries())
        .anySatisfy(
            e -> assertThat(e).contains("document.write").contains("\"outcome\":\"failure\""));
  }

  @Test
  void contentOverTheLimitLeavesNoDocumentAndNoSegments() throws Exception {
    collections.create("docs", "standard", ALICE);
    assertThatThrownBy(() -> put("docs", "big", new byte[(int) MAX_SIZE + 1]))
        .isInstanceOf(ContentTooLargeException.class);
    put("docs", "exact", new byte[(int) MAX_SIZE]);
    assertThat(count("SELECT count(*) FROM stamp_document")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM stamp_segment")).isEqualTo(32);
  }

  @Test
  void deletingRemovesTheDocumentAndItsSegments() throws Exception {
    collections.create("docs", "standard", ALICE);
    put("docs", "d", new byte[2 * SEGMENT + 1]);
    assertThat(documents.delete("docs", "d", ALICE)).isTrue();
    assertThat(documents.delete("docs", "d", ALICE)).isFalse();
    assertThat(count("SELECT count(*) FROM stamp_segment")).isZero();
    assertThatThrownBy(() -> documents.metadata("docs", "d", ALICE))
        .isInstanceOf(UnknownDocumentException.class);
  }

  @Test
  void listingPagesThroughDocumentsById() throws Exception {
    collections.create("docs", "standard", ALICE);
    for (String id : new String[] {"c", "a", "e", "b", "d"}) {
      put("docs", id, id.getBytes(StandardCharsets.UTF_8));
    }
    DocumentPage<DocumentMetadata> first = documents.list("docs", null, 2, ALICE);
    assertThat(first.items()).extracting(DocumentMetadata::id).containsExactly("a", "b");
    DocumentPage<DocumentMetadata> second = documents.list("docs", first.nextAfter(), 2, ALICE);
    assertThat(second.items()).extracting(DocumentMetadata::id).containsExactly("c", "d");
    DocumentPage<DocumentMetadata> last = documents.list("docs", second.nextAfter(), 2, ALICE);
    assertThat(last.items()).extracting(DocumentMetadata::id).containsExactly("e");
    assertThat(last.nextAfter()).isNull();
  }

  @Test
  void namesLabelsAndSubjectsAreStoredOnlyEncryptedOrHashed() throws Exception {
    collections.create("docs", "critical", ALICE);
    documents.put(
        new Upload(
            "docs",
            "r",
            "text/plain",
            "Secret Name",
            List.of("label-one"),
            "subject-42",
            new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8))),
        ALICE);
    DocumentMetadata m = documents.metadata("docs", "r", ALICE);
    assertThat(m.name()).isEqualTo("Secret Name");
    assertThat(m.labels()).containsExactly("label-one");
    assertThat(m.hasDataSubject()).isTrue();
    assertThat(count("SELECT count(*) FROM stamp_document WHERE subject_hash IS NOT NULL"))
        .isEqualTo(1);
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement q =
            c.prepareStatement("SELECT name_blob, labels_blob, subject_hash FROM stamp_document");
        ResultSet r = q.executeQuery()) {
      r.next();
      assertThat(new String(r.getBytes(1), StandardCharsets.ISO_8859_1))
          .doesNotContain("Secret Name");
      assertThat(new String(r.getBytes(2), StandardCharsets.ISO_8859_1))
          .doesNotContain("label-one");
      assertThat(r.getString(3)).doesNotContain("subject-42").hasSize(64);
    }
  }

  @Test
  void aSegmentFromAnotherDocumentFailsTheIntegrityCheckAndIsAudited() throws Exception {
    collections.create("docs", "standard", ALICE);
    put("docs", "a", new byte[2 * SEGMENT]);
    put("docs", "b", new byte[2 * SEGMENT]);
    update(
        "UPDATE stamp_segment SET data = (SELECT s.data FROM stamp_segment s JOIN stamp_document d"
            + " ON d.object_id = s.object_id WHERE d.document_id = 'a' AND s.idx = 0)"
            + " WHERE idx = 0 AND object_id = (SELECT object_id FROM stamp_document WHERE"
            + " document_id = 'b')");
    assertThat(read("docs", "a")).hasSize(2 * SEGMENT);
    assertThatThrownBy(() -> documents.read("docs", "b", ALICE))
        .isInstanceOf(StoredContentIntegrityException.class)
        .hasMessageNotContaining("segment 0");
    assertThat(auditEntries())
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("\"action\":\"document.integrity-failure\"")
                    .contains("\"document\":\"b\"")
                    .contains("\"region\":\"eu-de\""));
  }

  @Test
  void aDamagedSegmentPartWayThroughALargeDocumentEndsTheStreamWithAnAuditedError()
      throws Exception {
    collections.create("docs", "standard", ALICE);
    byte[] content = new byte[20 * SEGMENT];
    new Random(3).nextBytes(content);
    put("docs", "big", content);
    update(
        "UPDATE stamp_segment SET data = (SELECT data FROM stamp_segment WHERE idx = 17 AND"
            + " object_id = (SELECT object_id FROM stamp_document WHERE document_id = 'big')) WHERE"
            + " idx = 18 AND object_id = (SELECT object_id FROM stamp_document WHERE document_id ="
            + " 'big')");
    java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
    try (InputStream in = documents.read("docs", "big", ALICE).plaintext()) {
      assertThatThrownBy(() -> in.transferTo(received)).isInstanceOf(IOException.class);
    }
    assertThat(received.size()).isLessThanOrEqualTo(18 * SEGMENT);
    assertThat(java.util.Arrays.copyOf(content, received.size()))
        .as("only authenticated plaintext was released")
        .isEqualTo(received.toByteArray());
    assertThat(auditEntries())
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("document.integrity-failure")
                    .contains("\"document\":\"big\""));
  }

  @Test
  void aWrappedKeyCopiedToAnotherCollectionCannotBeUnwrapped() throws Exception {
    collections.create("one", "standard", ALICE);
    collections.create("two", "standard", ALICE);
    update(
        "UPDATE stamp_wrapped_key SET ciphertext = (SELECT k.ciphertext FROM stamp_wrapped_key k"
            + " JOIN stamp_collection c ON c.id = k.collection_id WHERE c.name = 'one' AND k.kind ="
            + " 'dek'), iv = (SELECT k.iv FROM stamp_wrapped_key k JOIN stamp_collection c ON c.id ="
            + " k.collection_id WHERE c.name = 'one' AND k.kind = 'dek'), tag = (SELECT k.tag FROM"
            + " stamp_wrapped_key k JOIN stamp_collection c ON c.id = k.collection_id WHERE c.name ="
            + " 'one' AND k.kind = 'dek') WHERE kind = 'dek' AND collection_id = (SELECT id FROM"
            + " stamp_collection WHERE name = 'two')");
    assertThatThrownBy(() -> put("two", "d", new byte[1]))
        .isInstanceOf(KeyServiceException.class)
        .extracting(e -> ((KeyServiceException) e).reason())
        .isEqualTo(KeyServiceException.Reason.INVALID_CIPHERTEXT);
    put("one", "d", new byte[1]);
  }

  @Test
  void keyOperationsAndAdminActionsAreAuditedWithWhoWhatKeyAndRegion() throws Exception {
    collections.create("docs", "critical", ALICE);
    put("docs", "d", new byte[1]);
    List<String> entries = auditEntries();
    assertThat(entries)
        .filteredOn(e -> e.contains("\"action\":\"key.wrap\""))
        .hasSize(2)
        .allSatisfy(
            e ->
                assertThat(e)
                    .contains("\"subject\":\"alice\"")
                    .contains("\"cmkKeyId\":\"test-cmk-1\"")
                    .contains("\"keyVersion\":\"1\"")
                    .contains("\"region\":\"eu-de\""));
    assertThat(entries).anySatisfy(e -> assertThat(e).contains("\"action\":\"collection.create\""));
    assertThat(entries).anySatisfy(e -> assertThat(e).contains("\"action\":\"key.unwrap\""));
    assertThat(entries).anySatisfy(e -> assertThat(e).contains("\"action\":\"document.write\""));
  }

  @Test
  void anUnwrapTheBridgeRefusesFailsTheRequestAndIsAudited() throws Exception {
    collections.create("docs", "standard", ALICE);
    wrapper.refusing = true;
    assertThatThrownBy(() -> put("docs", "d", new byte[1])).isInstanceOf(KeyServiceException.class);
    assertThat(count("SELECT count(*) FROM stamp_document")).isZero();
    assertThat(auditEntries())
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("\"action\":\"key.unwrap\"")
                    .contains("\"outcome\":\"failure\"")
                    .contains("REFUSED"));
  }

  // --- residency -------------------------------------------------------------------------------

  static List<String> customerDataTables() {
    return LabelledRows.CUSTOMER_DATA;
  }

  @Test
  void everyRowCarriesTheStampsRegion() throws Exception {
    collections.create("docs", "standard", ALICE);
    put("docs", "d", new byte[2 * SEGMENT]);
    auditEntries(); // the audit log's entries are in their table
    for (String table : LabelledRows.CUSTOMER_DATA) {
      assertThat(count("SELECT count(*) FROM " + table + " WHERE residency <> 'eu-de'"))
          .as(table)
          .isZero();
      assertThat(count("SELECT count(*) FROM " + table)).as(table).isPositive();
    }
  }

  @Test
  void theRegionIsRecordedAtInstall() throws Exception {
    assertThat(recordedRegions()).containsExactly("eu-de");
  }

  @ParameterizedTest
  @MethodSource("customerDataTables")
  void rowLabelledWithAnotherRegionIsRefusedByTheDatabase(String table) throws Exception {
    collections.create("docs", "standard", ALICE);
    assertRefusedByConstraint(db.dataSource(), c -> LabelledRows.insert(c, table, "eu-fr"));
    assertThat(count("SELECT count(*) FROM " + table + " WHERE residency = 'eu-fr'")).isZero();
  }

  @ParameterizedTest
  @MethodSource("customerDataTables")
  void rowLabelledWithTheStampsRegionIsAcceptedByTheDatabase(String table) throws Exception {
    collections.create("docs", "standard", ALICE);
    long before = count("SELECT count(*) FROM " + table);
    try (Connection c = db.dataSource().getConnection()) {
      LabelledRows.insert(c, table, identity.region());
    }
    assertThat(count("SELECT count(*) FROM " + table)).isEqualTo(before + 1);
  }

  @Test
  void everyTableIsLabelledWithTheRegionOrExemptByName() throws Exception {
    try (Connection c = db.dataSource().getConnection()) {
      Set<String> labelled = LabelledRows.labelledTables(c);
      assertThat(labelled).containsExactlyInAnyOrderElementsOf(LabelledRows.CUSTOMER_DATA);
      Set<String> others = new HashSet<>(LabelledRows.allTables(c));
      others.removeAll(labelled);
      assertThat(others)
          .as("a new table holds customer data (label it) or is exempt by name here")
          .containsExactlyInAnyOrder(
              "stamp_residency", "audit_checkpoint", "databasechangelog", "databasechangeloglock");
    }
  }

  @Test
  void changingTheRecordedRegionIsRefusedByTheDatabase() throws Exception {
    assertRefusedByConstraint(
        db.dataSource(), c -> execute(c, "UPDATE stamp_residency SET region = 'eu-fr'"));
    assertRefusedByConstraint(
        db.dataSource(),
        c ->
            execute(
                c,
                "INSERT INTO stamp_residency (singleton, region, recorded_at)"
                    + " VALUES (2, 'eu-fr', CURRENT_TIMESTAMP)"));
    collections.create("docs", "standard", ALICE);
    assertRefusedByConstraint(db.dataSource(), c -> execute(c, "DELETE FROM stamp_residency"));
    assertRefusedByConstraint(
        db.dataSource(), c -> execute(c, "UPDATE stamp_residency SET region = 'eu-fr'"));
    assertThat(recordedRegions()).containsExactly("eu-de");
  }

  @Test
  void aStartWithAnotherRegionThanTheRecordedOneIsRefusedAndChangesNothing() throws Exception {
    collections.create("docs", "standard", ALICE);
    StampIdentity moved = new StampIdentity(identity.stampId(), "eu-fr");
    assertThatThrownBy(() -> ApplianceDatabase.open(settings, moved))
        .isInstanceOfSatisfying(
            RegionChangedException.class,
            e -> {
              assertThat(e.installedRegion()).isEqualTo("eu-de");
              assertThat(e.configuredRegion()).isEqualTo("eu-fr");
            })
        .hasMessageContaining("fixed at install")
        .hasMessageContaining("\"eu-de\"")
        .hasMessageContaining("\"eu-fr\"");
    assertThat(recordedRegions()).containsExactly("eu-de");
    try (ApplianceDatabase again = ApplianceDatabase.open(settings, identity)) {
      assertThat(again.isReachable()).as("its own region starts as before").isTrue();
    }
    assertThat(count("SELECT count(*) FROM stamp_collection")).isEqualTo(1);
  }

  @Test
  void anUpgradeFromRelease01LabelsTheAuditLogAndRefusesOtherRegionsFromThenOn() throws Exception {
    DatabaseSettings upgraded = release01DatabaseWithRows("eu-de");
    ApplianceDatabase.open(upgraded, identity).close();
    DataSource ds = ApplianceDatabase.dataSource(upgraded);
    try (Connection c = ds.getConnection()) {
      assertThat(single(c, "SELECT region FROM stamp_residency")).isEqualTo("eu-de");
      assertThat(single(c, "SELECT residency FROM audit_entry")).isEqualTo("eu-de");
      for (String table : LabelledRows.DATA_PLANE) {
        assertThat(single(c, "SELECT count(*) FROM " + table)).as(table).isEqualTo("1");
      }
    }
    for (String table : LabelledRows.CUSTOMER_DATA) {
      assertRefusedByConstraint(ds, c -> LabelledRows.insert(c, table, "eu-fr"));
      try (Connection c = ds.getConnection()) {
        LabelledRows.insert(c, table, "eu-de");
      }
    }
  }

  @Test
  void anUpgradeConfiguredForAnotherRegionThanItsRowsCarryIsRefusedAndChangesNothing()
      throws Exception {
    DatabaseSettings upgraded = release01DatabaseWithRows("eu-de");
    StampIdentity moved = new StampIdentity(identity.stampId(), "eu-fr");
    assertThatThrownBy(() -> ApplianceDatabase.open(upgraded, moved))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("fixed at install")
        .hasMessageContaining("eu-fr");
    DataSource ds = ApplianceDatabase.dataSource(upgraded);
    try (Connection c = ds.getConnection()) {
      assertThat(
              single(c, "SELECT count(*) FROM databasechangelog WHERE id LIKE 'appliance-0.2-%'"))
          .isEqualTo("0");
    }
    ApplianceDatabase.open(upgraded, identity).close();
  }

  /**
   * A fresh database as release 0.1 left it, with one row in each table labelled {@code region}.
   */
  DatabaseSettings release01DatabaseWithRows(String region) throws Exception {
    DatabaseSettings fresh = database();
    DataSource ds = ApplianceDatabase.dataSource(fresh);
    AuditSchema.migrate(ds);
    AuditSchema.migrate(ds, "db/changelog/appliance-0.1.xml");
    try (Connection c = ds.getConnection()) {
      for (String table : LabelledRows.DATA_PLANE) {
        LabelledRows.insert(c, table, region);
      }
      try (PreparedStatement entry =
          c.prepareStatement(
              "INSERT INTO audit_entry (entry_index, entry, leaf_hash, recorded_at)"
                  + " VALUES (0, ?, ?, CURRENT_TIMESTAMP)")) {
        entry.setBytes(1, "{}".getBytes(StandardCharsets.UTF_8));
        entry.setBytes(2, new byte[32]);
        entry.executeUpdate();
      }
    }
    return fresh;
  }

  interface SqlWork {
    void run(Connection c) throws SQLException;
  }

  /** {@code work} fails with an integrity constraint violation (SQL state class 23). */
  static void assertRefusedByConstraint(DataSource ds, SqlWork work) throws SQLException {
    try (Connection c = ds.getConnection()) {
      assertThatThrownBy(() -> work.run(c))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).startsWith("23"));
    }
  }

  static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  static String single(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      assertThat(r.next()).as(sql).isTrue();
      return r.getString(1);
    }
  }

  List<String> recordedRegions() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT region FROM stamp_residency")) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }
}
