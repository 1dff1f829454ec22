package com.sovereignstamp.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * format-v1-vectors.json: every positive vector is reproduced byte for byte by the main
 * implementation (Bouncy Castle FIPS, approved-only) and by an independent one (the JDK's SunJCE
 * and a hand-written HKDF); every negative vector fails in both.
 */
class FormatV1VectorsTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final VectorFile FILE = VectorFile.load();

  static {
    Fixtures.freshKey().close();
  }

  static Stream<VectorFile.Positive> positives() {
    return FILE.positives.values().stream();
  }

  static Stream<VectorFile.Negative> negatives() {
    return FILE.negatives.stream();
  }

  private static List<KeySlot> slots(VectorFile.Positive v) {
    return v.slots().stream()
        .map(
            s ->
                switch (s.type()) {
                  case "collection-dek" -> KeySlot.collectionDek(s.version());
                  case "subject-key" -> KeySlot.subjectKey(s.keyId(), s.version());
                  case "second-key" -> KeySlot.secondKey(s.keyId(), s.version());
                  default -> throw new IllegalArgumentException(s.type());
                })
        .toList();
  }

  private static List<String> hex(List<byte[]> segments) {
    return segments.stream().map(HEX::formatHex).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("positives")
  void theReferenceImplementationReproducesTheVector(VectorFile.Positive v) throws IOException {
    ContentKeys keys = VectorInputs.keys(slots(v), VectorInputs.keyBytes(v));
    EncryptionContext context = VectorInputs.context(v.context());
    Purpose purpose = VectorInputs.purpose(v.purpose());
    Header header = new Header(keys.slots(), v.salt(), v.noncePrefix());
    assertThat(HEX.formatHex(ObjectKeys.info(header, context, purpose)))
        .isEqualTo(HEX.formatHex(v.hkdfInfo()));
    try (KeyMaterial objectKey = ObjectKeys.derive(keys, header, context, purpose)) {
      assertThat(HEX.formatHex(objectKey.bytes())).isEqualTo(HEX.formatHex(v.objectKey()));
    }
    try (SegmentEncryptor e =
        SegmentEncryptor.startWithFixedRandomness(
            keys, context, purpose, v.salt(), v.noncePrefix())) {
      assertThat(HEX.formatHex(e.header())).isEqualTo(HEX.formatHex(v.header()));
      assertThat(hex(e.encryptAll(v.plaintext()))).isEqualTo(hex(v.segments()));
    }
    try (SegmentDecryptor d = SegmentDecryptor.open(v.header(), keys, context, purpose);
        InputStream in = d.plaintext(v.segments().iterator())) {
      assertThat(in.readAllBytes()).isEqualTo(v.plaintext());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("positives")
  void anIndependentJdkImplementationReproducesTheVector(VectorFile.Positive v)
      throws GeneralSecurityException {
    List<IndependentImplementation.Slot> slots =
        v.slots().stream()
            .map(
                s ->
                    new IndependentImplementation.Slot(
                        s.typeCode(), s.version(), s.keyId(), s.key()))
            .toList();
    assertThat(HEX.formatHex(IndependentImplementation.header(slots, v.salt(), v.noncePrefix())))
        .isEqualTo(HEX.formatHex(v.header()));
    assertThat(HEX.formatHex(IndependentImplementation.info(slots, v.context(), v.purpose())))
        .isEqualTo(HEX.formatHex(v.hkdfInfo()));
    assertThat(
            HEX.formatHex(
                IndependentImplementation.objectKey(slots, v.salt(), v.context(), v.purpose())))
        .isEqualTo(HEX.formatHex(v.objectKey()));
    assertThat(
            hex(
                IndependentImplementation.encrypt(
                    slots, v.salt(), v.noncePrefix(), v.context(), v.purpose(), v.plaintext())))
        .isEqualTo(hex(v.segments()));
    assertThat(VectorInputs.decryptWithIndependent(VectorInputs.untouched(v)))
        .isEqualTo(v.plaintext());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("negatives")
  void aTamperedVectorFailsInTheReferenceImplementation(VectorFile.Negative n) {
    VectorInputs.Attempt a = VectorInputs.mutate(FILE.positives.get(n.base()), n.mutation(), FILE);
    assertThatThrownBy(() -> VectorInputs.decryptWithReference(a))
        .isInstanceOf(IntegrityFailureException.class)
        .hasMessage("integrity check failed");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("negatives")
  void aTamperedVectorFailsInTheIndependentImplementation(VectorFile.Negative n) {
    VectorInputs.Attempt a = VectorInputs.mutate(FILE.positives.get(n.base()), n.mutation(), FILE);
    assertThatThrownBy(() -> VectorInputs.decryptWithIndependent(a))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void theUntouchedBasesOfTheNegativeVectorsDecrypt() {
    for (VectorFile.Negative n : FILE.negatives) {
      VectorFile.Positive base = FILE.positives.get(n.base());
      assertThat(VectorInputs.decryptWithReference(VectorInputs.untouched(base)))
          .as(n.name())
          .isEqualTo(base.plaintext());
    }
  }

  @Test
  void theVectorsCoverTheSizesAndTamperingsTheSpecPromises() {
    assertThat(FILE.positives.values().stream().map(v -> v.plaintext().length))
        .contains(0, 1, 65536, 65537, 2 * 65536 + 1000);
    assertThat(FILE.negatives.stream().map(VectorFile.Negative::name))
        .contains(
            "changed-document-id",
            "changed-salt",
            "swapped-segments",
            "truncated-last-segment",
            "dropped-last-segment",
            "flipped-ciphertext-byte",
            "segment-from-another-document");
  }

  @Test
  void metadataVectorsOpenAsOneBlob() {
    for (String name : List.of("name-metadata", "labels-metadata")) {
      VectorFile.Positive v = FILE.positives.get(name);
      byte[] blob = Encoding.concat(v.header(), v.segments().get(0));
      ContentKeys keys = VectorInputs.keys(slots(v), VectorInputs.keyBytes(v));
      assertThat(
              MetadataCipher.open(
                  blob, keys, VectorInputs.context(v.context()), VectorInputs.purpose(v.purpose())))
          .isEqualTo(v.plaintext());
    }
  }

  @Test
  void wrapContextsMatchTheVectors() {
    for (VectorFile.Wrap w : FILE.wraps) {
      byte[] expected =
          w.label().equals(WrapContext.DEK_LABEL)
              ? WrapContext.forDek(w.scope(), w.version(), w.cmkKeyId())
              : WrapContext.forIndexKey(w.scope(), w.version(), w.cmkKeyId());
      assertThat(HEX.formatHex(expected)).isEqualTo(HEX.formatHex(w.aad()));
      ByteArrayOutputStream independent = new ByteArrayOutputStream();
      IndependentImplementation.lp(independent, IndependentImplementation.utf8(w.label()));
      IndependentImplementation.lp(
          independent, IndependentImplementation.utf8(w.scope().stampId()));
      IndependentImplementation.lp(independent, IndependentImplementation.utf8(w.scope().region()));
      IndependentImplementation.lp(
          independent, IndependentImplementation.utf8(w.scope().collection()));
      independent.writeBytes(new byte[] {0, 0, 0, (byte) w.version()});
      IndependentImplementation.lp(independent, IndependentImplementation.utf8(w.cmkKeyId()));
      assertThat(HEX.formatHex(independent.toByteArray())).isEqualTo(HEX.formatHex(w.aad()));
    }
  }

  @Test
  void blindIndexesMatchTheVectorsInBothImplementations() throws GeneralSecurityException {
    for (VectorFile.Index i : FILE.indexes) {
      try (KeyMaterial k = KeyMaterial.copyOf(i.indexKey())) {
        assertThat(BlindIndex.compute(k, i.scope(), i.subjectId())).isEqualTo(i.index());
      }
      ByteArrayOutputStream message = new ByteArrayOutputStream();
      IndependentImplementation.lp(message, IndependentImplementation.utf8("subject-id-v1"));
      IndependentImplementation.lp(message, IndependentImplementation.utf8(i.scope().stampId()));
      IndependentImplementation.lp(message, IndependentImplementation.utf8(i.scope().region()));
      IndependentImplementation.lp(message, IndependentImplementation.utf8(i.scope().collection()));
      IndependentImplementation.lp(message, i.subjectId());
      Mac mac = Mac.getInstance("HmacSHA256", "SunJCE");
      mac.init(new SecretKeySpec(i.indexKey(), "HmacSHA256"));
      assertThat(mac.doFinal(message.toByteArray())).isEqualTo(i.index());
    }
  }
}
