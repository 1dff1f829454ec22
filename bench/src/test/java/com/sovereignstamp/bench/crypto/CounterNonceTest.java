package com.sovereignstamp.bench.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.crypto.spec.GCMParameterSpec;
import org.junit.jupiter.api.Test;

class CounterNonceTest {
  @Test
  void successiveNonces_areAllDifferent_andShareTheirRandomPrefix() {
    CounterNonce nonces = new CounterNonce(new SecureRandom());
    Set<String> seen = new HashSet<>();
    byte[] first = nonces.next().getIV();
    seen.add(Arrays.toString(first));
    for (int i = 1; i < 100_000; i++) {
      byte[] iv = nonces.next().getIV();
      assertThat(seen.add(Arrays.toString(iv))).as("nonce %d is new", i).isTrue();
      assertThat(Arrays.copyOf(iv, 4)).isEqualTo(Arrays.copyOf(first, 4));
    }
  }

  @Test
  void aNonceHandedOut_isNotChangedByTheNextOne() {
    CounterNonce nonces = new CounterNonce(new SecureRandom());
    GCMParameterSpec first = nonces.next();
    byte[] before = first.getIV();
    nonces.next();
    assertThat(first.getIV()).isEqualTo(before).hasSize(12);
    assertThat(first.getTLen()).isEqualTo(128);
  }
}
