package com.sovereignstamp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizeTest {
  @Test
  void binaryUnits_areAccepted_andDescribedBack() {
    assertThat(ByteSize.parse("4096")).isEqualTo(4096);
    assertThat(ByteSize.parse("4KiB")).isEqualTo(4096);
    assertThat(ByteSize.parse("1 GiB")).isEqualTo(1L << 30);
    assertThat(ByteSize.describe(4096)).isEqualTo("4 KiB");
    assertThat(ByteSize.describe(1L << 30)).isEqualTo("1 GiB");
    assertThat(ByteSize.describe(1000)).isEqualTo("1000 B");
  }

  @Test
  void otherUnits_andNegativeSizes_areRefused() {
    assertThatThrownBy(() -> ByteSize.parse("4kb")).hasMessageContaining("not a size");
    assertThatThrownBy(() -> ByteSize.parse("-1")).hasMessageContaining("not a size");
  }
}
