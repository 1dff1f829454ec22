package com.sovereignstamp.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetadataCipherTest {
  private final KeyMaterial dek = Fixtures.freshKey();
  private final ContentKeys keys = Fixtures.dekKeys(dek);
  private final EncryptionContext context = Fixtures.context("doc-1");
  private final byte[] name = "Gehaltsliste März.xlsx".getBytes(StandardCharsets.UTF_8);

  @AfterEach
  void zeroKey() {
    dek.close();
  }

  @Test
  void aNameRoundTripsAndItsBlobNamesItsKeys() {
    byte[] blob = MetadataCipher.seal(keys, context, Purpose.NAME, name, Fixtures.RANDOM);
    assertThat(MetadataCipher.slots(blob)).containsExactly(KeySlot.collectionDek(1));
    assertThat(MetadataCipher.open(blob, keys, context, Purpose.NAME)).isEqualTo(name);
    assertThat(blob).hasSize(Header.length(1) + name.length + FormatV1.TAG_SIZE);
  }

  @Test
  void labelsRoundTripThroughTheirEncoding() {
    List<String> labels = List.of("confidential", "hr", "Ärzte");
    byte[] blob =
        MetadataCipher.seal(keys, context, Purpose.LABELS, Labels.encode(labels), Fixtures.RANDOM);
    assertThat(Labels.decode(MetadataCipher.open(blob, keys, context, Purpose.LABELS)))
        .isEqualTo(labels);
  }

  @Test
  void aNameCopiedToAnotherDocumentFailsToDecrypt() {
    byte[] blob = MetadataCipher.seal(keys, context, Purpose.NAME, name, Fixtures.RANDOM);
    assertThatThrownBy(
            () -> MetadataCipher.open(blob, keys, Fixtures.context("doc-2"), Purpose.NAME))
        .isInstanceOf(IntegrityFailureException.class);
  }

  @Test
  void aNameCannotBeReadAsLabels() {
    byte[] blob = MetadataCipher.seal(keys, context, Purpose.NAME, name, Fixtures.RANDOM);
    assertThatThrownBy(() -> MetadataCipher.open(blob, keys, context, Purpose.LABELS))
        .isInstanceOf(IntegrityFailureException.class);
  }

  @Test
  void aTruncatedBlobFailsToDecrypt() {
    byte[] blob = MetadataCipher.seal(keys, context, Purpose.NAME, name, Fixtures.RANDOM);
    byte[] shorter = java.util.Arrays.copyOf(blob, Header.length(1) + 3);
    assertThatThrownBy(() -> MetadataCipher.open(shorter, keys, context, Purpose.NAME))
        .isInstanceOf(IntegrityFailureException.class);
    byte[] headerOnly = java.util.Arrays.copyOf(blob, 20);
    assertThatThrownBy(() -> MetadataCipher.open(headerOnly, keys, context, Purpose.NAME))
        .isInstanceOf(IntegrityFailureException.class);
  }

  @Test
  void contentIsNotMetadata() {
    assertThatThrownBy(
            () -> MetadataCipher.seal(keys, context, Purpose.CONTENT, name, Fixtures.RANDOM))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
