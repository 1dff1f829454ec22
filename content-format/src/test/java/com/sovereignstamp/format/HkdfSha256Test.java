package com.sovereignstamp.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.bouncycastle.crypto.CryptoServicesRegistrar;
import org.junit.jupiter.api.Test;

class HkdfSha256Test {
  private static final HexFormat HEX = HexFormat.of();

  static {
    Fixtures.freshKey().close();
  }

  @Test
  void derivationRunsInBouncyCastleFipsApprovedOnlyMode() {
    assertThat(CryptoServicesRegistrar.isInApprovedOnlyMode()).isTrue();
  }

  @Test
  void rfc5869TestCase1IsReproduced() {
    byte[] ikm = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
    byte[] salt = HEX.parseHex("000102030405060708090a0b0c");
    byte[] info = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9");
    try (KeyMaterial in = KeyMaterial.copyOf(ikm);
        KeyMaterial okm = HkdfSha256.derive(in, salt, info, 42)) {
      assertThat(HEX.formatHex(okm.bytes()))
          .isEqualTo(
              "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
    }
  }

  @Test
  void rfc5869TestCase1MatchesTheIndependentHkdf() throws Exception {
    byte[] ikm = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
    byte[] salt = HEX.parseHex("000102030405060708090a0b0c");
    byte[] info = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9");
    assertThat(HEX.formatHex(IndependentImplementation.hkdfSha256(ikm, salt, info, 42)))
        .isEqualTo(
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
  }

  @Test
  void aDifferentSaltGivesAnUnrelatedKey() {
    byte[] otherSalt = new byte[32];
    otherSalt[31] = 1;
    try (KeyMaterial dek = Fixtures.freshKey();
        KeyMaterial a = HkdfSha256.derive(dek, new byte[32], new byte[] {1}, 32);
        KeyMaterial b = HkdfSha256.derive(dek, otherSalt, new byte[] {1}, 32)) {
      assertThat(a.bytes()).isNotEqualTo(b.bytes()).isNotEqualTo(dek.bytes());
    }
  }
}
