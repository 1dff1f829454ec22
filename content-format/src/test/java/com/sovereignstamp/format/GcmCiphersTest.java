package com.sovereignstamp.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

class GcmCiphersTest {
  @Test
  void aCipherGivenBackIsLentAgainInsteadOfANewOne() {
    Cipher first = GcmCiphers.take();
    GcmCiphers.giveBack(first);
    List<Cipher> lent = new ArrayList<>();
    for (int i = 0; i <= GcmCiphers.KEPT; i++) {
      lent.add(GcmCiphers.take());
    }
    assertThat(lent).contains(first);
    lent.forEach(GcmCiphers::giveBack);
  }

  @Test
  void twoObjectsOpenAtOnceNeverShareACipher() {
    Cipher a = GcmCiphers.take();
    Cipher b = GcmCiphers.take();
    assertThat(a).isNotSameAs(b);
    GcmCiphers.giveBack(a);
    GcmCiphers.giveBack(b);
  }

  @Test
  void aCipherGivenBackNoLongerOpensWhatItsLastKeySealed() throws Exception {
    try (KeyMaterial dek = Fixtures.freshKey()) {
      ContentKeys keys = Fixtures.dekKeys(dek);
      SegmentEncryptor enc =
          SegmentEncryptor.start(keys, Fixtures.context("d"), Purpose.CONTENT, Fixtures.RANDOM);
      byte[] segment = enc.encryptSegment(Fixtures.plaintext(100), 0, 100, true);
      enc.close();
      // every kept cipher now holds the all-zero placeholder key: none opens the segment
      List<Cipher> kept = new ArrayList<>();
      while (GcmCiphers.idle() > 0) {
        kept.add(GcmCiphers.take());
      }
      assertThat(kept).isNotEmpty();
      for (Cipher c : kept) {
        c.updateAAD(new byte[0]);
        assertThatThrownBy(() -> c.doFinal(segment)).isInstanceOf(Exception.class);
        GcmCiphers.giveBack(c);
      }
    }
  }

  @Test
  void interleavedWritesOfTwoObjectsEachDecryptUnderTheirOwnKey() {
    try (KeyMaterial dek = Fixtures.freshKey()) {
      ContentKeys keys = Fixtures.dekKeys(dek);
      byte[] pa = Fixtures.plaintext(3 * FormatV1.PLAINTEXT_SEGMENT_SIZE + 7);
      byte[] pb = Fixtures.plaintext(2 * FormatV1.PLAINTEXT_SEGMENT_SIZE + 3);
      List<byte[]> sa = new ArrayList<>();
      List<byte[]> sb = new ArrayList<>();
      byte[] ha;
      byte[] hb;
      try (SegmentEncryptor a =
              SegmentEncryptor.start(
                  keys, Fixtures.context("a"), Purpose.CONTENT, Fixtures.RANDOM);
          SegmentEncryptor b =
              SegmentEncryptor.start(
                  keys, Fixtures.context("b"), Purpose.CONTENT, Fixtures.RANDOM)) {
        ha = a.header();
        hb = b.header();
        int s = FormatV1.PLAINTEXT_SEGMENT_SIZE;
        for (int i = 0; i < 4; i++) {
          sa.add(a.encryptSegment(pa, i * s, Math.min(s, pa.length - i * s), i == 3));
          if (i < 3) {
            sb.add(b.encryptSegment(pb, i * s, Math.min(s, pb.length - i * s), i == 2));
          }
        }
      }
      assertThat(Fixtures.decrypt(keys, Fixtures.context("a"), new Fixtures.Stored(ha, sa)))
          .isEqualTo(pa);
      assertThat(Fixtures.decrypt(keys, Fixtures.context("b"), new Fixtures.Stored(hb, sb)))
          .isEqualTo(pb);
    }
  }

  @Test
  void aClosedEncryptorRefusesToSealAgain() {
    try (KeyMaterial dek = Fixtures.freshKey()) {
      SegmentEncryptor enc =
          SegmentEncryptor.start(
              Fixtures.dekKeys(dek), Fixtures.context("d"), Purpose.CONTENT, Fixtures.RANDOM);
      enc.close();
      assertThatThrownBy(() -> enc.encryptSegment(new byte[1], 0, 1, true))
          .isInstanceOf(IllegalStateException.class);
    }
  }
}
