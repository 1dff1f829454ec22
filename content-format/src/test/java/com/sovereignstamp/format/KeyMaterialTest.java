package com.sovereignstamp.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyMaterialTest {
  @Test
  void keyMaterialPrintsAsRedacted() {
    try (KeyMaterial k = KeyMaterial.copyOf(new byte[] {0x41, 0x42, 0x43})) {
      assertThat(k.toString())
          .isEqualTo("KeyMaterial[redacted]")
          .doesNotContain("41")
          .doesNotContain("ABC");
      assertThat(String.valueOf(ContentKeys.collectionDek(1, Fixtures.freshKey())))
          .doesNotContain("KeyMaterial[");
    }
  }

  @Test
  void closingZeroesTheBytesAndForbidsFurtherUse() {
    KeyMaterial k = KeyMaterial.copyOf(new byte[] {1, 2, 3});
    byte[] live = k.bytes();
    k.close();
    assertThat(live).containsOnly(0);
    assertThat(k.isClosed()).isTrue();
    assertThatThrownBy(k::bytes).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void copyOfDoesNotShareTheCallersArray() {
    byte[] callers = {9, 9, 9};
    try (KeyMaterial k = KeyMaterial.copyOf(callers)) {
      callers[0] = 0;
      assertThat(k.bytes()[0]).isEqualTo((byte) 9);
    }
  }

  @Test
  void anEncryptorZeroesItsPerObjectKeyOnClose() {
    try (KeyMaterial dek = Fixtures.freshKey()) {
      SegmentEncryptor e =
          SegmentEncryptor.start(
              Fixtures.dekKeys(dek), Fixtures.context("d"), Purpose.CONTENT, Fixtures.RANDOM);
      e.close();
      assertThatThrownBy(() -> e.encryptSegment(new byte[1], 0, 1, true))
          .isInstanceOf(RuntimeException.class);
      assertThat(dek.isClosed()).isFalse();
    }
  }
}
