package com.sovereignstamp.fips;

import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import org.bouncycastle.crypto.CryptoServicesRegistrar;
import org.bouncycastle.crypto.fips.FipsDRBG;
import org.bouncycastle.crypto.util.BasicEntropySourceProvider;
import org.bouncycastle.jcajce.provider.BouncyCastleFipsProvider;

/**
 * The Bouncy Castle FIPS provider, registered once, in approved-only mode, with an approved
 * 256-bit-strength DRBG as the default random (the module refuses weaker randomness for AES-256 and
 * P-256 keys).
 *
 * <p>{@code CryptoServicesRegistrar.setApprovedOnlyMode(true)} holds for the calling thread only,
 * and a key made on an approved-only thread is refused on any other. Processes that use keys across
 * threads therefore start the JVM with {@code -Dorg.bouncycastle.fips.approved_only=true}, which
 * makes every thread approved-only ({@code hsm-bridge/bin/run-bridge} and {@code
 * audit-log/bin/audit} do).
 */
public final class BcFips {
  private BcFips() {}

  public static synchronized Provider provider() {
    Provider p = Security.getProvider(BouncyCastleFipsProvider.PROVIDER_NAME);
    if (p == null) {
      CryptoServicesRegistrar.setApprovedOnlyMode(true);
      p = new BouncyCastleFipsProvider();
      Security.addProvider(p);
      CryptoServicesRegistrar.setSecureRandom(drbg());
    }
    return p;
  }

  /**
   * A fresh HMAC-SHA-512 DRBG of 256-bit strength, seeded from the platform's entropy, prediction
   * resistant (it reseeds from the platform before every request): for keys.
   */
  public static SecureRandom drbg() {
    return drbg(true);
  }

  /**
   * The same DRBG without prediction resistance (it reseeds after its reseed interval, as SP
   * 800-90A allows): for values that are public or only need to be unique and unpredictable —
   * salts, nonce prefixes, ids — where reseeding on every request would cost more than the
   * encryption itself.
   */
  public static SecureRandom nonceDrbg() {
    return drbg(false);
  }

  private static SecureRandom drbg(boolean predictionResistant) {
    SecureRandom seed = new SecureRandom();
    byte[] nonce = new byte[32];
    seed.nextBytes(nonce);
    return FipsDRBG.SHA512_HMAC
        .fromEntropySource(new BasicEntropySourceProvider(seed, true))
        .setSecurityStrength(256)
        .setEntropyBitsRequired(256)
        .build(nonce, predictionResistant);
  }
}
