package com.sovereignstamp.bridge.xks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CiphertextMetadataTest {
  @Test
  void keyVersion_roundTripsThroughFiveBytes() {
    byte[] m = CiphertextMetadata.forKeyVersion(70_000);
    assertThat(m).hasSize(5).startsWith(1);
    assertThat(CiphertextMetadata.keyVersion(m)).contains(70_000);
  }

  @Test
  void metadataInAnotherLayout_namesNoVersion() {
    assertThat(CiphertextMetadata.keyVersion(new byte[] {2, 0, 0, 0, 1})).isEmpty();
    assertThat(CiphertextMetadata.keyVersion(new byte[] {1, 0, 0, 1})).isEmpty();
    assertThat(CiphertextMetadata.keyVersion(new byte[0])).isEmpty();
  }
}
