package com.sovereignstamp.bridge.software;

import com.sovereignstamp.bridge.config.SoftwareBackendSettings;
import com.sovereignstamp.bridge.keys.CiphertextRejectedException;
import com.sovereignstamp.bridge.keys.GcmCiphertext;
import com.sovereignstamp.bridge.keys.HsmFailureException;
import com.sovereignstamp.bridge.keys.HsmIdentity;
import com.sovereignstamp.bridge.keys.KeyAttributes;
import com.sovereignstamp.bridge.keys.KeyBackend;
import com.sovereignstamp.bridge.keys.KeyMissingException;
import com.sovereignstamp.bridge.keys.KeyUsage;
import com.sovereignstamp.bridge.keys.KeyUsageNotPermittedException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;
import java.util.logging.Logger;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/** DEMO ONLY: AES-256-GCM with keys from a BCFKS file, in Bouncy Castle FIPS approved-only mode. */
public final class DemoSoftwareKeyBackend implements KeyBackend {
  private static final Logger LOG = Logger.getLogger(DemoSoftwareKeyBackend.class.getName());
  private static final String GCM = "AES/GCM/NoPadding";

  private final SoftwareBackendSettings settings;
  private final SecureRandom random;
  private final java.util.Map<String, SecretKey> unlocked = new java.util.HashMap<>();
  private KeyStore loaded;
  private java.nio.file.attribute.FileTime loadedModified;

  public DemoSoftwareKeyBackend(SoftwareBackendSettings settings) {
    this.settings = settings;
    DemoSoftwareKeyStore.provider();
    this.random = DemoSoftwareKeyStore.drbg();
    LOG.warning(
        "\n*****************************************************************\n"
            + "* DEMO ONLY: keys come from a software key store file, NOT an HSM *\n"
            + "*****************************************************************");
  }

  @Override
  public KeyAttributes describe(String label) {
    return new KeyAttributes(true, usages(label));
  }

  @Override
  public GcmCiphertext encrypt(String label, byte[] plaintext, byte[] hsmAad) {
    SecretKey key = key(label, KeyUsage.ENCRYPT);
    try {
      Cipher c = Cipher.getInstance(GCM, DemoSoftwareKeyStore.provider());
      c.init(Cipher.ENCRYPT_MODE, key, random);
      c.updateAAD(hsmAad);
      byte[] out = c.doFinal(plaintext);
      return GcmCiphertext.split(c.getIV(), out, out.length);
    } catch (GeneralSecurityException e) {
      throw new HsmFailureException(
          "software encrypt failed: " + e.getClass().getSimpleName(), null);
    }
  }

  @Override
  public byte[] decrypt(String label, GcmCiphertext ciphertext, byte[] hsmAad) {
    SecretKey key = key(label, KeyUsage.DECRYPT);
    try {
      Cipher c = Cipher.getInstance(GCM, DemoSoftwareKeyStore.provider());
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, ciphertext.iv()));
      c.updateAAD(hsmAad);
      return c.doFinal(ciphertext.ciphertextWithTag());
    } catch (AEADBadTagException e) {
      throw new CiphertextRejectedException(label);
    } catch (GeneralSecurityException e) {
      throw new HsmFailureException(
          "software decrypt failed: " + e.getClass().getSimpleName(), null);
    }
  }

  private Set<KeyUsage> usages(String label) {
    key(label);
    try {
      return DemoSoftwareKeyStore.usages(settings.keyStoreFile(), label);
    } catch (IOException e) {
      throw new HsmFailureException("cannot read the key usage file", null);
    }
  }

  private SecretKey key(String label, KeyUsage usage) {
    if (!usages(label).contains(usage)) {
      throw new KeyUsageNotPermittedException(label, usage);
    }
    return key(label);
  }

  /**
   * The key, unlocked once and kept in memory (this backend is not an HSM); the key store is read
   * again when its file changes, so keys added or removed on disk count.
   */
  private synchronized SecretKey key(String label) {
    try {
      java.nio.file.attribute.FileTime modified =
          java.nio.file.Files.getLastModifiedTime(settings.keyStoreFile());
      if (!modified.equals(loadedModified)) {
        unlocked.clear();
        loaded = null;
        loadedModified = modified;
      }
      SecretKey key = unlocked.get(label);
      if (key == null) {
        key = unlock(label);
        unlocked.put(label, key);
      }
      return key;
    } catch (IOException | GeneralSecurityException e) {
      throw new HsmFailureException("cannot read the software key store", null);
    }
  }

  private SecretKey unlock(String label) throws IOException, GeneralSecurityException {
    char[] password = DemoSoftwareKeyStore.password(settings.passwordFile());
    try {
      if (loaded == null) {
        loaded = DemoSoftwareKeyStore.load(settings.keyStoreFile(), password);
      }
      if (!loaded.containsAlias(label)) {
        throw new KeyMissingException(label, "not in the software key store");
      }
      return (SecretKey) loaded.getKey(label, password);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  @Override
  public HsmIdentity identity() {
    return new HsmIdentity(
        "software-keystore", "Bouncy Castle FIPS", "SOFTWARE KEY STORE - DEMO ONLY, NOT AN HSM");
  }

  @Override
  public boolean connected() {
    return true;
  }

  @Override
  public String kind() {
    return "software (demo only)";
  }

  @Override
  public void close() {}
}
