package com.sovereignstamp.format;

import java.util.Arrays;
import org.bouncycastle.crypto.KDFCalculator;
import org.bouncycastle.crypto.fips.FipsKDF;

/**
 * HKDF-SHA-256 (RFC 5869) through Bouncy Castle FIPS's approved KDF API: extract with {@code
 * FipsKDF.HKDF_KEY_BUILDER}, expand with {@code FipsKDF.HKDF} on an {@code
 * AgreementOperatorFactory} (the expand step's "IV" is RFC 5869's info).
 */
final class HkdfSha256 {
  private static final FipsKDF.AgreementKDFPRF PRF = FipsKDF.AgreementKDFPRF.SHA256_HMAC;

  /** Stateless: every calculator it creates is new. */
  private static final FipsKDF.AgreementOperatorFactory EXPAND =
      new FipsKDF.AgreementOperatorFactory();

  private HkdfSha256() {}

  static KeyMaterial derive(KeyMaterial ikm, byte[] salt, byte[] info, int length) {
    byte[] prk = FipsKDF.HKDF_KEY_BUILDER.withPrf(PRF).withSalt(salt).build(ikm.bytes()).getKey();
    try {
      KDFCalculator<FipsKDF.AgreementKDFParameters> expand =
          EXPAND.createKDFCalculator(FipsKDF.HKDF.withPRF(PRF).using(prk).withIV(info));
      byte[] okm = new byte[length];
      expand.generateBytes(okm, 0, length);
      return KeyMaterial.adopt(okm);
    } finally {
      Arrays.fill(prk, (byte) 0);
    }
  }
}
