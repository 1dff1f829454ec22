package com.sovereignstamp.bridge.xks;

import com.sovereignstamp.bridge.keys.CiphertextRejectedException;
import com.sovereignstamp.bridge.keys.GcmCiphertext;
import com.sovereignstamp.bridge.keys.HsmFailureException;
import com.sovereignstamp.bridge.keys.HsmUnavailableException;
import com.sovereignstamp.bridge.keys.KeyAttributes;
import com.sovereignstamp.bridge.keys.KeyBackend;
import com.sovereignstamp.bridge.keys.KeyBackendException;
import com.sovereignstamp.bridge.keys.KeyDefinition;
import com.sovereignstamp.bridge.keys.KeyMissingException;
import com.sovereignstamp.bridge.keys.KeyUsage;
import com.sovereignstamp.bridge.keys.KeyUsageNotPermittedException;
import com.sovereignstamp.bridge.keys.MechanismUnsupportedException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/** GetKeyMetadata, Encrypt and Decrypt on the key backend, with XKS's errors. */
public final class XksKeyService {
  private static final Logger LOG = Logger.getLogger(XksKeyService.class.getName());
  private final KeyBackend backend;

  public XksKeyService(KeyBackend backend) {
    this.backend = backend;
  }

  public KeyMetadata metadata(KeyDefinition key) {
    KeyAttributes attributes = guard(() -> backend.describe(key.label()));
    if (!attributes.aes256()) {
      throw new XksException(
          XksError.KEY_NOT_FOUND, "The external key is not an AES-256 key.", key.label());
    }
    List<String> usage = attributes.usages().stream().sorted().map(KeyUsage::name).toList();
    return new KeyMetadata("AES_256", usage, key.enabled() ? "ENABLED" : "DISABLED");
  }

  public EncryptResult encrypt(KeyDefinition key, EncryptRequest request) {
    requireEnabled(key);
    byte[] meta = CiphertextMetadata.forKeyVersion(key.version());
    byte[] hsmAad = AadBinding.hsmAad(request.aad(), Optional.of(meta));
    GcmCiphertext c = guard(() -> backend.encrypt(key.label(), request.plaintext(), hsmAad));
    if (!request.integrityValueRequested()) {
      return new EncryptResult(c, meta, Optional.empty());
    }
    proveDecryptable(key, request.plaintext(), c, hsmAad);
    return new EncryptResult(c, meta, Optional.of(IntegrityValue.sha256(request.aad(), meta, c)));
  }

  public byte[] decrypt(KeyDefinition key, DecryptRequest request) {
    requireEnabled(key);
    if (request.ciphertextMetadata().isPresent()) {
      Optional<Integer> version = CiphertextMetadata.keyVersion(request.ciphertextMetadata().get());
      if (version.isEmpty() || version.get() != key.version()) {
        throw new XksException(
            XksError.INVALID_CIPHERTEXT,
            "The ciphertext metadata does not match this key.",
            key.id() + " asked for key version " + version.map(String::valueOf).orElse("?"));
      }
    }
    byte[] hsmAad = AadBinding.hsmAad(request.aad(), request.ciphertextMetadata());
    return guard(() -> backend.decrypt(key.label(), request.ciphertext(), hsmAad));
  }

  /**
   * The integrity value promises that a decrypt with the same inputs will succeed, so the new
   * ciphertext is decrypted once before it is answered. A key that permits encryption only cannot
   * decrypt at all; its integrity value is given without that proof.
   */
  private void proveDecryptable(
      KeyDefinition key, byte[] plaintext, GcmCiphertext c, byte[] hsmAad) {
    byte[] back;
    try {
      back = backend.decrypt(key.label(), c, hsmAad);
    } catch (KeyUsageNotPermittedException e) {
      LOG.fine("integrity value for encrypt-only key " + key.id() + " given without decrypt proof");
      return;
    } catch (KeyBackendException e) {
      throw new XksException(
          XksError.INTERNAL, "The new ciphertext could not be verified.", e.getMessage());
    }
    boolean same = MessageDigest.isEqual(back, plaintext);
    Arrays.fill(back, (byte) 0);
    if (!same) {
      throw new XksException(
          XksError.INTERNAL, "The new ciphertext could not be verified.", key.id() + ": mismatch");
    }
  }

  private static void requireEnabled(KeyDefinition key) {
    if (!key.enabled()) {
      throw new XksException(XksError.INVALID_STATE, "The external key is disabled.", key.id());
    }
  }

  private static <T> T guard(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (KeyMissingException e) {
      throw new XksException(
          XksError.KEY_NOT_FOUND, "The external key was not found.", e.getMessage());
    } catch (KeyUsageNotPermittedException e) {
      throw new XksException(
          XksError.INVALID_KEY_USAGE,
          "The external key does not permit this operation.",
          e.getMessage());
    } catch (CiphertextRejectedException e) {
      throw new XksException(
          XksError.INVALID_CIPHERTEXT,
          "The ciphertext, IV, tag or additional authenticated data is invalid.",
          e.getMessage());
    } catch (HsmUnavailableException e) {
      throw new XksException(
          XksError.DEPENDENCY_TIMEOUT, "The HSM did not answer in time.", e.getMessage());
    } catch (MechanismUnsupportedException e) {
      throw new XksException(
          XksError.UNSUPPORTED_OPERATION, "The HSM does not offer this operation.", e.getMessage());
    } catch (HsmFailureException e) {
      throw new XksException(XksError.INTERNAL, "The HSM reported an error.", e.getMessage());
    }
  }
}
