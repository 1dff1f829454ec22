package com.sovereignstamp.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderTest {
  private static final byte[] SALT = new byte[32];
  private static final byte[] PREFIX = new byte[7];
  private static final byte[] ID = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

  @Test
  void aHeaderRoundTripsWithItsSlots() {
    Header h =
        new Header(List.of(KeySlot.collectionDek(7), KeySlot.secondKey(ID, 2)), SALT, PREFIX);
    Header parsed = Header.parse(h.encode());
    assertThat(parsed.slots()).containsExactly(KeySlot.collectionDek(7), KeySlot.secondKey(ID, 2));
    assertThat(parsed.isDoubleKey()).isTrue();
    assertThat(h.encode()).hasSize(83);
  }

  @Test
  void anUnknownVersionIsAnIntegrityFailure() {
    byte[] encoded = new Header(List.of(KeySlot.collectionDek(1)), SALT, PREFIX).encode();
    encoded[0] = 0x02;
    assertThatThrownBy(() -> Header.parse(encoded)).isInstanceOf(IntegrityFailureException.class);
  }

  @Test
  void extraBytesAfterTheHeaderAreAnIntegrityFailure() {
    byte[] encoded = new Header(List.of(KeySlot.collectionDek(1)), SALT, PREFIX).encode();
    byte[] longer = java.util.Arrays.copyOf(encoded, encoded.length + 1);
    assertThatThrownBy(() -> Header.parse(longer)).isInstanceOf(IntegrityFailureException.class);
  }

  @Test
  void onlyTheVersionOneSlotCombinationsAreAccepted() {
    assertThatThrownBy(() -> new Header(List.of(KeySlot.secondKey(ID, 1)), SALT, PREFIX))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Header(
                    List.of(KeySlot.collectionDek(1), KeySlot.subjectKey(ID, 1)), SALT, PREFIX))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Header(List.of(), SALT, PREFIX))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyTheCollectionDekHasTheZeroKeyId() {
    assertThatThrownBy(() -> KeySlot.subjectKey(new byte[16], 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keyVersionsStartAtOne() {
    assertThatThrownBy(() -> KeySlot.collectionDek(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
