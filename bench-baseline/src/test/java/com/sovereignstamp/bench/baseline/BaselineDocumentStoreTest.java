package com.sovereignstamp.bench.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BaselineDocumentStoreTest {
  private final String url = "jdbc:h2:mem:baseline-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  private BaselineDatabase db;
  private BaselineDocumentStore store;

  @BeforeEach
  void open() throws SQLException {
    db = BaselineDatabase.open(new BaselineSettings(url, "sa", "", 4, 4, "eu-de"));
    store = new BaselineDocumentStore(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aBodyIsStoredInRowsOf64KiB_andReadBackWhole() throws Exception {
    byte[] body = bytes(2 * SegmentTable.SEGMENT + 1);

    BaselineDocumentStore.Stored stored = store.write("doc-1", "application/pdf", input(body));

    assertThat(stored.segments()).isEqualTo(3);
    assertThat(stored.size()).isEqualTo(body.length);
    assertThat(stored.revision()).isEqualTo(1);
    assertThat(read("doc-1")).isEqualTo(body);
    assertThat(count("SELECT COUNT(*) FROM bench_segment WHERE residency = 'eu-de'")).isEqualTo(3);
  }

  @Test
  void aBodyOfExactlyOneSegment_isOneRow_andAnEmptyBodyNone() throws Exception {
    assertThat(store.write("one", "text/plain", input(bytes(SegmentTable.SEGMENT))).segments())
        .isEqualTo(1);
    assertThat(store.write("empty", "text/plain", input(new byte[0])).segments()).isZero();
    assertThat(read("empty")).isEmpty();
  }

  @Test
  void replacingADocument_raisesItsRevision_andDeletesTheReplacedRows() throws Exception {
    store.write("doc-1", "text/plain", input(bytes(3 * SegmentTable.SEGMENT)));
    byte[] second = bytes(100);

    BaselineDocumentStore.Stored stored = store.write("doc-1", "text/plain", input(second));

    assertThat(stored.revision()).isEqualTo(2);
    assertThat(read("doc-1")).isEqualTo(second);
    assertThat(count("SELECT COUNT(*) FROM bench_segment")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM bench_document")).isEqualTo(1);
  }

  @Test
  void anUnknownDocument_isNotFound() throws Exception {
    assertThat(store.open("missing")).isEmpty();
  }

  @Test
  void tablesAndTheCollection_surviveAReopen() throws Exception {
    store.write("doc-1", "text/plain", input(bytes(10)));
    UUID collection = db.collectionId();
    db.close();

    db = BaselineDatabase.open(new BaselineSettings(url, "sa", "", 4, 4, "eu-de"));
    store = new BaselineDocumentStore(db);

    assertThat(db.collectionId()).isEqualTo(collection);
    assertThat(read("doc-1")).hasSize(10);
  }

  private byte[] read(String id) throws Exception {
    Optional<BaselineDocumentStore.OpenDocument> doc = store.open(id);
    assertThat(doc).isPresent();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BaselineDocumentStore.OpenDocument d = doc.get()) {
      d.copyTo(out);
    }
    return out.toByteArray();
  }

  private long count(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        ResultSet r = c.createStatement().executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static ByteArrayInputStream input(byte[] body) {
    return new ByteArrayInputStream(body);
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }
}
