package com.sovereignstamp.appliance.storage;

import com.sovereignstamp.appliance.keys.KeyServiceException;
import com.sovereignstamp.appliance.keys.KeyWrapper;
import com.sovereignstamp.appliance.keys.WrappedKey;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The customer's key for tests of the storage layer: AES-256-GCM in memory with the AAD checked as
 * the bridge checks it. (The integration tests use the real bridge on SoftHSM2.)
 */
final class SoftwareKeyWrapper implements KeyWrapper {
  private final SecretKeySpec cmk;
  private final SecureRandom random = new SecureRandom();
  final AtomicInteger unwraps = new AtomicInteger();
  volatile boolean refusing;

  SoftwareKeyWrapper() {
    byte[] k = new byte[32];
    random.nextBytes(k);
    cmk = new SecretKeySpec(k, "AES");
  }

  @Override
  public String cmkKeyId() {
    return "test-cmk-1";
  }

  @Override
  public WrappedKey wrap(byte[] key, byte[] aad) {
    try {
      byte[] iv = new byte[12];
      random.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, cmk, new GCMParameterSpec(128, iv));
      c.updateAAD(aad);
      byte[] out = c.doFinal(key);
      return new WrappedKey(
          cmkKeyId(),
          iv,
          Arrays.copyOf(out, out.length - 16),
          Arrays.copyOfRange(out, out.length - 16, out.length),
          null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public byte[] unwrap(WrappedKey wrapped, byte[] aad) {
    unwraps.incrementAndGet();
    if (refusing) {
      throw new KeyServiceException(KeyServiceException.Reason.REFUSED, "refused", null);
    }
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, cmk, new GCMParameterSpec(128, wrapped.iv()));
      c.updateAAD(aad);
      byte[] ct = wrapped.ciphertext();
      byte[] tag = wrapped.tag();
      byte[] in = Arrays.copyOf(ct, ct.length + tag.length);
      System.arraycopy(tag, 0, in, ct.length, tag.length);
      return c.doFinal(in);
    } catch (GeneralSecurityException e) {
      throw new KeyServiceException(
          KeyServiceException.Reason.INVALID_CIPHERTEXT, "cannot unwrap", null);
    }
  }
}
