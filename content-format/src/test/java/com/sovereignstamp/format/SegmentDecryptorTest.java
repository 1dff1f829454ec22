package com.sovereignstamp.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SegmentDecryptorTest {
  private static final int S = FormatV1.PLAINTEXT_SEGMENT_SIZE;
  private final KeyMaterial dek = Fixtures.freshKey();
  private final ContentKeys keys = Fixtures.dekKeys(dek);
  private final EncryptionContext context = Fixtures.context("doc-1");
  private final byte[] plaintext = Fixtures.plaintext(3 * S + 100);
  private final Fixtures.Stored stored = Fixtures.encrypt(keys, context, plaintext);

  @AfterEach
  void zeroKey() {
    dek.close();
  }

  private void assertIntegrityFailure(Executable decrypt) {
    assertThatThrownBy(decrypt::execute)
        .isInstanceOf(IntegrityFailureException.class)
        .hasMessage("integrity check failed")
        .hasNoCause();
  }

  private void assertFails(Fixtures.Stored tampered) {
    assertIntegrityFailure(() -> Fixtures.decrypt(keys, context, tampered));
  }

  @Test
  void aSwappedSegmentFailsToDecrypt() {
    List<byte[]> s = stored.copyOfSegments();
    s.set(1, stored.segments().get(2));
    s.set(2, stored.segments().get(1));
    assertFails(stored.withSegments(s));
  }

  @Test
  void aDroppedLastSegmentFailsToDecrypt() {
    assertFails(stored.withSegments(stored.segments().subList(0, 3)));
  }

  @Test
  void aDroppedMiddleSegmentFailsToDecrypt() {
    List<byte[]> s = stored.copyOfSegments();
    s.remove(1);
    assertFails(stored.withSegments(s));
  }

  @Test
  void aTruncatedLastSegmentFailsToDecrypt() {
    List<byte[]> s = stored.copyOfSegments();
    s.set(3, Arrays.copyOf(s.get(3), s.get(3).length - 1));
    assertFails(stored.withSegments(s));
  }

  @Test
  void anAppendedSegmentFailsToDecrypt() {
    List<byte[]> s = stored.copyOfSegments();
    s.add(s.get(3));
    assertFails(stored.withSegments(s));
  }

  @Test
  void aFlippedCiphertextByteFailsToDecrypt() {
    List<byte[]> s = stored.copyOfSegments();
    byte[] changed = s.get(2).clone();
    changed[12345] ^= 0x01;
    s.set(2, changed);
    assertFails(stored.withSegments(s));
  }

  @Test
  void anyFlippedHeaderByteFailsToDecrypt() {
    for (int i = 0; i < stored.header().length; i++) {
      byte[] header = stored.header().clone();
      header[i] ^= 0x01;
      Fixtures.Stored tampered = new Fixtures.Stored(header, stored.segments());
      assertThatThrownBy(() -> Fixtures.decrypt(keys, context, tampered))
          .as("header byte %d", i)
          .isInstanceOfAny(IntegrityFailureException.class, IllegalArgumentException.class);
    }
  }

  @Test
  void aSegmentFromAnotherDocumentFailsToDecrypt() {
    Fixtures.Stored other = Fixtures.encrypt(keys, Fixtures.context("doc-2"), plaintext);
    List<byte[]> s = stored.copyOfSegments();
    s.set(1, other.segments().get(1));
    assertFails(stored.withSegments(s));
  }

  @Test
  void aWholeDocumentMovedToAnotherRowFailsToDecrypt() {
    assertIntegrityFailure(() -> Fixtures.decrypt(keys, Fixtures.context("doc-2"), stored));
  }

  @Test
  void aChangedRegionCollectionOrStampFailsToDecrypt() {
    for (EncryptionContext other :
        List.of(
            EncryptionContext.of("stamp-7f3a", "eu-fr", "contracts", "doc-1"),
            EncryptionContext.of("stamp-7f3a", "eu-de", "invoices", "doc-1"),
            EncryptionContext.of("stamp-0000", "eu-de", "contracts", "doc-1"))) {
      assertIntegrityFailure(() -> Fixtures.decrypt(keys, other, stored));
    }
  }

  @Test
  void theWrongDekFailsToDecrypt() {
    try (KeyMaterial other = Fixtures.freshKey()) {
      assertIntegrityFailure(() -> Fixtures.decrypt(Fixtures.dekKeys(other), context, stored));
    }
  }

  @Test
  void keysThatDoNotMatchTheHeaderAreAProgrammingError() {
    ContentKeys version2 = ContentKeys.collectionDek(2, dek);
    assertThatThrownBy(() -> Fixtures.decrypt(version2, context, stored))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void contentCannotBeReadUnderAnotherPurpose() {
    assertIntegrityFailure(
        () -> {
          try (SegmentDecryptor d =
              SegmentDecryptor.open(stored.header(), keys, context, Purpose.NAME)) {
            d.decryptAll(stored.segments());
          }
        });
  }

  @Test
  void noSegmentsAtAllFailsToDecrypt() {
    assertFails(stored.withSegments(List.of()));
  }

  @Test
  void everyKindOfFailureLooksTheSame() {
    List<byte[]> s = stored.copyOfSegments();
    s.remove(3);
    IntegrityFailureException dropped =
        org.junit.jupiter.api.Assertions.assertThrows(
            IntegrityFailureException.class,
            () -> Fixtures.decrypt(keys, context, stored.withSegments(s)));
    IntegrityFailureException moved =
        org.junit.jupiter.api.Assertions.assertThrows(
            IntegrityFailureException.class,
            () -> Fixtures.decrypt(keys, Fixtures.context("doc-2"), stored));
    assertThat(dropped.getMessage()).isEqualTo(moved.getMessage());
    assertThat(dropped.getStackTrace()).isEmpty();
    assertThat(dropped.documentId()).contains("doc-1");
  }

  @Test
  void theStreamReleasesEachAuthenticatedSegmentAndFailsAtATruncatedEnd() throws IOException {
    List<byte[]> s = stored.copyOfSegments();
    s.remove(3);
    try (SegmentDecryptor d =
            SegmentDecryptor.open(stored.header(), keys, context, Purpose.CONTENT);
        InputStream in = d.plaintext(s.iterator())) {
      byte[] first = in.readNBytes(2 * S);
      assertThat(first).isEqualTo(Arrays.copyOf(plaintext, 2 * S));
      assertIntegrityFailure(in::readAllBytes);
    }
  }

  @Test
  void decryptionPullsSegmentsOnlyAsThePlaintextIsRead() throws IOException {
    CountingIterator rows = new CountingIterator(stored.segments());
    try (SegmentDecryptor d =
            SegmentDecryptor.open(stored.header(), keys, context, Purpose.CONTENT);
        InputStream in = d.plaintext(rows)) {
      assertThat(rows.pulled).isZero();
      in.readNBytes(10);
      assertThat(rows.pulled).isEqualTo(1);
      in.readNBytes(S);
      assertThat(rows.pulled).isEqualTo(2);
      assertThat(in.readAllBytes()).hasSize(plaintext.length - S - 10);
      assertThat(rows.pulled).isEqualTo(4);
    }
  }

  @Test
  void randomAccessToOneSegmentWorksAndALieAboutTheLastSegmentFails() {
    try (SegmentDecryptor d =
        SegmentDecryptor.open(stored.header(), keys, context, Purpose.CONTENT)) {
      assertThat(d.decryptSegment(2, stored.segments().get(2), false))
          .isEqualTo(Arrays.copyOfRange(plaintext, 2 * S, 3 * S));
      assertIntegrityFailure(() -> d.decryptSegment(3, stored.segments().get(3), false));
      assertIntegrityFailure(() -> d.decryptSegment(2, stored.segments().get(2), true));
    }
  }

  /** A stand-in for a database cursor that counts the rows fetched. */
  private static final class CountingIterator implements Iterator<byte[]> {
    private final Iterator<byte[]> rows;
    int pulled;

    CountingIterator(List<byte[]> rows) {
      this.rows = new ArrayList<>(rows).iterator();
    }

    @Override
    public boolean hasNext() {
      return rows.hasNext();
    }

    @Override
    public byte[] next() {
      pulled++;
      return rows.next();
    }
  }
}
