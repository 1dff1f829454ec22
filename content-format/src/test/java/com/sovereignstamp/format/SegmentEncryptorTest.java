package com.sovereignstamp.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentEncryptorTest {
  private static final int S = FormatV1.PLAINTEXT_SEGMENT_SIZE;

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 100, S - 1, S, S + 1, 3 * S, 3 * S + 5})
  void aDocumentRoundTripsThroughItsSegments(int length) {
    try (KeyMaterial dek = Fixtures.freshKey()) {
      ContentKeys keys = Fixtures.dekKeys(dek);
      byte[] plaintext = Fixtures.plaintext(length);
      Fixtures.Stored stored = Fixtures.encrypt(keys, Fixtures.context("doc-1"), plaintext);
      assertThat(Fixtures.decrypt(keys, Fixtures.context("doc-1"), stored)).isEqualTo(plaintext);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, S, S + 1, 3 * S + 5})
  void everySegmentButTheLastHoldsExactly64KibAndTheLastIsNeverEmptyUnlessAlone(int length) {
    try (KeyMaterial dek = Fixtures.freshKey()) {
      List<byte[]> segments =
          Fixtures.encrypt(Fixtures.dekKeys(dek), Fixtures.context("d"), Fixtures.plaintext(length))
              .segments();
      int expectedCount = Math.max(1, (length + S - 1) / S);
      assertThat(segments).hasSize(expectedCount);
      for (int i = 0; i < expectedCount - 1; i++) {
        assertThat(segments.get(i)).hasSize(FormatV1.CIPHERTEXT_SEGMENT_SIZE);
      }
      int lastPlaintext = length - (expectedCount - 1) * S;
      assertThat(segments.get(expectedCount - 1)).hasSize(lastPlaintext + FormatV1.TAG_SIZE);
    }
  }

  @Test
  void twoWritesOfTheSameContentShareNoHeaderSaltOrCiphertext() {
    try (KeyMaterial dek = Fixtures.freshKey()) {
      ContentKeys keys = Fixtures.dekKeys(dek);
      byte[] plaintext = Fixtures.plaintext(1000);
      Fixtures.Stored a = Fixtures.encrypt(keys, Fixtures.context("d"), plaintext);
      Fixtures.Stored b = Fixtures.encrypt(keys, Fixtures.context("d"), plaintext);
      assertThat(a.header()).isNotEqualTo(b.header());
      assertThat(a.segments().get(0)).isNotEqualTo(b.segments().get(0));
    }
  }

  @Test
  void theHeaderNamesTheDekVersionInSixtyTwoBytes() {
    try (KeyMaterial dek = Fixtures.freshKey();
        SegmentEncryptor e =
            SegmentEncryptor.start(
                Fixtures.dekKeys(dek), Fixtures.context("d"), Purpose.CONTENT, Fixtures.RANDOM)) {
      Header h = Header.parse(e.header());
      assertThat(h.slots()).containsExactly(KeySlot.collectionDek(1));
      assertThat(e.header()).hasSize(Header.length(1)).hasSize(62);
    }
  }

  @Test
  void aStreamIsEncryptedWithTwoSegmentsOfMemoryAndHandedOutInOrder() throws IOException {
    int length = 5 * S + 17;
    List<Integer> indexes = new ArrayList<>();
    try (KeyMaterial dek = Fixtures.freshKey();
        SegmentEncryptor e =
            SegmentEncryptor.start(
                Fixtures.dekKeys(dek), Fixtures.context("d"), Purpose.CONTENT, Fixtures.RANDOM)) {
      InputStream trickle = new TrickleInputStream(Fixtures.plaintext(length));
      int count = e.encrypt(trickle, (i, s) -> indexes.add(i));
      assertThat(count).isEqualTo(6);
    }
    assertThat(indexes).containsExactly(0, 1, 2, 3, 4, 5);
  }

  @Test
  void aNonLastSegmentOfTheWrongSizeIsRefused() {
    try (KeyMaterial dek = Fixtures.freshKey();
        SegmentEncryptor e =
            SegmentEncryptor.start(
                Fixtures.dekKeys(dek), Fixtures.context("d"), Purpose.CONTENT, Fixtures.RANDOM)) {
      assertThatThrownBy(() -> e.encryptSegment(new byte[10], 0, 10, false))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void nothingCanBeWrittenAfterTheLastSegment() {
    try (KeyMaterial dek = Fixtures.freshKey();
        SegmentEncryptor e =
            SegmentEncryptor.start(
                Fixtures.dekKeys(dek), Fixtures.context("d"), Purpose.CONTENT, Fixtures.RANDOM)) {
      e.encryptSegment(new byte[10], 0, 10, true);
      assertThatThrownBy(() -> e.encryptSegment(new byte[10], 0, 10, true))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void anEmptyLastSegmentAfterOthersIsRefused() {
    try (KeyMaterial dek = Fixtures.freshKey();
        SegmentEncryptor e =
            SegmentEncryptor.start(
                Fixtures.dekKeys(dek), Fixtures.context("d"), Purpose.CONTENT, Fixtures.RANDOM)) {
      e.encryptSegment(new byte[S], 0, S, false);
      assertThatThrownBy(() -> e.encryptSegment(new byte[0], 0, 0, true))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** Hands out at most 1000 bytes per read, as a network stream would. */
  private static final class TrickleInputStream extends InputStream {
    private final ByteArrayInputStream data;

    TrickleInputStream(byte[] data) {
      this.data = new ByteArrayInputStream(data);
    }

    @Override
    public int read() {
      return data.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      return data.read(b, off, Math.min(len, 1000));
    }
  }
}
