package com.sovereignstamp.bench.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CryptoCaseTest {
  @Test
  void everyOperationAndSize_isMeasuredForAllThreeImplementations_oneAfterAnother() {
    List<CryptoCase> cases = CryptoCase.all();
    assertThat(cases).hasSize(2 * 2 * 3).doesNotHaveDuplicates();
    for (int i = 0; i < cases.size(); i += 3) {
      CryptoCase baseline = cases.get(i);
      assertThat(baseline.implementation()).isEqualTo(Implementation.JDK_GCM);
      for (int j = 1; j < 3; j++) {
        assertThat(cases.get(i + j).operation()).isEqualTo(baseline.operation());
        assertThat(cases.get(i + j).size()).isEqualTo(baseline.size());
      }
    }
  }
}
