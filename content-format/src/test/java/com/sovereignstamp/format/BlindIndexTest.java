package com.sovereignstamp.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BlindIndexTest {
  private final CollectionScope contracts = new CollectionScope("stamp-7f3a", "eu-de", "contracts");
  private final byte[] subject = "customer-4711".getBytes(StandardCharsets.UTF_8);

  @Test
  void theSameSubjectInTheSameCollectionAlwaysFindsTheSameRows() {
    try (KeyMaterial k = Fixtures.freshKey()) {
      assertThat(BlindIndex.compute(k, contracts, subject))
          .isEqualTo(BlindIndex.compute(k, contracts, subject))
          .hasSize(32);
    }
  }

  @Test
  void theSameSubjectInAnotherCollectionCannotBeLinked() {
    try (KeyMaterial k = Fixtures.freshKey()) {
      CollectionScope invoices = new CollectionScope("stamp-7f3a", "eu-de", "invoices");
      assertThat(BlindIndex.compute(k, contracts, subject))
          .isNotEqualTo(BlindIndex.compute(k, invoices, subject));
    }
  }

  @Test
  void withoutTheIndexKeyTheIndexCannotBeRecomputed() {
    try (KeyMaterial a = Fixtures.freshKey();
        KeyMaterial b = Fixtures.freshKey()) {
      assertThat(BlindIndex.compute(a, contracts, subject))
          .isNotEqualTo(BlindIndex.compute(b, contracts, subject));
    }
  }
}
