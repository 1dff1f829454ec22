package com.sovereignstamp.bench.crypto;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Raw AES-256-GCM, one whole message per operation: {@code init} with the key and a nonce, then one
 * {@code doFinal} into a buffer allocated once. No AAD. Encryption takes a fresh counter nonce
 * every time; decryption opens the same valid ciphertext again and again (repeating a nonce is
 * harmless when decrypting).
 *
 * <p>The set-up runs {@link PreWarm} before JMH's warm-up: without it the JDK's 1 MiB cases would
 * measure the interpreter.
 */
@State(Scope.Thread)
public class AesGcmBenchmark {
  @Param({"JDK", "BC_FIPS"})
  GcmProvider provider;

  @Param({"4096", "1048576"})
  int size;

  private Cipher cipher;
  private SecretKey key;
  private CounterNonce nonces;
  private byte[] plaintext;
  private byte[] ciphertext;
  private GCMParameterSpec ciphertextNonce;
  private byte[] out;

  @Setup
  public void setUp() throws GeneralSecurityException {
    Provider p = provider.load();
    SecureRandom random = new SecureRandom();
    byte[] keyBytes = new byte[32];
    random.nextBytes(keyBytes);
    key = new SecretKeySpec(keyBytes, "AES");
    Arrays.fill(keyBytes, (byte) 0);
    nonces = new CounterNonce(random);
    plaintext = new byte[size];
    random.nextBytes(plaintext);
    out = new byte[size + CounterNonce.TAG_BITS / 8];
    cipher = Cipher.getInstance("AES/GCM/NoPadding", p);

    ciphertextNonce = nonces.next();
    cipher.init(Cipher.ENCRYPT_MODE, key, ciphertextNonce);
    ciphertext = cipher.doFinal(plaintext);
    decrypt();
    if (!Arrays.equals(out, 0, size, plaintext, 0, size)) {
      throw new IllegalStateException(provider + " did not round-trip");
    }
    preWarm(random);
    if (provider == GcmProvider.BC_FIPS) {
      BcFipsCheck.reportStatus(p);
    }
  }

  private void preWarm(SecureRandom random) throws GeneralSecurityException {
    byte[] message = new byte[PreWarm.messageSize(size)];
    random.nextBytes(message);
    GCMParameterSpec sealedWith = nonces.next();
    cipher.init(Cipher.ENCRYPT_MODE, key, sealedWith);
    byte[] sealed = cipher.doFinal(message);
    for (int i = 0; i < PreWarm.ROUNDS; i++) {
      cipher.init(Cipher.ENCRYPT_MODE, key, nonces.next());
      cipher.doFinal(message, 0, message.length, out, 0);
      cipher.init(Cipher.DECRYPT_MODE, key, sealedWith);
      cipher.doFinal(sealed, 0, sealed.length, out, 0);
    }
  }

  @Benchmark
  public int encrypt() throws GeneralSecurityException {
    cipher.init(Cipher.ENCRYPT_MODE, key, nonces.next());
    return cipher.doFinal(plaintext, 0, size, out, 0);
  }

  @Benchmark
  public int decrypt() throws GeneralSecurityException {
    cipher.init(Cipher.DECRYPT_MODE, key, ciphertextNonce);
    return cipher.doFinal(ciphertext, 0, ciphertext.length, out, 0);
  }
}
