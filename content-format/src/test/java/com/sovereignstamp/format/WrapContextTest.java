package com.sovereignstamp.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class WrapContextTest {
  private final CollectionScope scope = new CollectionScope("s", "eu-de", "c");

  @Test
  void aDekWrapContextIsLabelScopeVersionAndCmkKeyId() {
    assertThat(HexFormat.of().formatHex(WrapContext.forDek(scope, 3, "k")))
        .isEqualTo(
            "000b"
                + "64656b2d777261702d7631" // "dek-wrap-v1"
                + "000173" // "s"
                + "0005"
                + "65752d6465" // "eu-de"
                + "000163" // "c"
                + "00000003"
                + "00016b"); // "k"
  }

  @Test
  void aDekAndAnIndexKeyOfTheSameVersionHaveDifferentContexts() {
    assertThat(WrapContext.forDek(scope, 1, "k"))
        .isNotEqualTo(WrapContext.forIndexKey(scope, 1, "k"));
  }

  @Test
  void anotherDekVersionOrCmkVersionChangesTheContext() {
    assertThat(WrapContext.forDek(scope, 1, "k")).isNotEqualTo(WrapContext.forDek(scope, 2, "k"));
    assertThat(WrapContext.forDek(scope, 1, "k")).isNotEqualTo(WrapContext.forDek(scope, 1, "k2"));
  }
}
