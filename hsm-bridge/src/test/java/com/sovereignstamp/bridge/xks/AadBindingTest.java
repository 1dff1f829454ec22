package com.sovereignstamp.bridge.xks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AadBindingTest {
  @Test
  void binding_isLengthPrefixedAadThenLengthPrefixedMetadata() {
    byte[] bound =
        AadBinding.hsmAad(Optional.of(new byte[] {7, 8, 9}), Optional.of(new byte[] {1, 2}));
    assertThat(bound).containsExactly(0, 3, 7, 8, 9, 2, 1, 2);
  }

  @Test
  void absentParts_countAsLengthZero() {
    assertThat(AadBinding.hsmAad(Optional.empty(), Optional.empty())).containsExactly(0, 0, 0);
  }

  @Test
  void movingBytesBetweenAadAndMetadata_changesTheBinding() {
    byte[] meta = {1, 0, 0, 0, 1};
    assertThat(AadBinding.hsmAad(Optional.empty(), Optional.of(meta)))
        .isNotEqualTo(AadBinding.hsmAad(Optional.of(meta), Optional.empty()));
  }

  @Test
  void aadLongerThan255Bytes_usesBothLengthBytes() {
    byte[] bound = AadBinding.hsmAad(Optional.of(new byte[8192]), Optional.empty());
    assertThat(bound[0]).isEqualTo((byte) 0x20);
    assertThat(bound[1]).isEqualTo((byte) 0x00);
    assertThat(bound).hasSize(2 + 8192 + 1);
  }
}
