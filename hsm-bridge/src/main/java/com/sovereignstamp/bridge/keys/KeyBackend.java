package com.sovereignstamp.bridge.keys;

/**
 * An HSM seen through the operations the XKS proxy needs. Keys are named by their label in the HSM.
 * Every method either answers or throws one of the {@link KeyBackendException} subclasses within
 * the backend's call deadline; none of them blocks indefinitely.
 */
public interface KeyBackend extends AutoCloseable {

  /** What the key with this label permits; throws {@link KeyMissingException} if there is none. */
  KeyAttributes describe(String label);

  /**
   * AES-256-GCM encryption with a 128-bit tag; the IV is chosen by the HSM (from its random
   * generator, or generated inside the HSM where it insists on doing so).
   *
   * @param hsmAad the additional authenticated data handed to the HSM
   */
  GcmCiphertext encrypt(String label, byte[] plaintext, byte[] hsmAad);

  /** AES-256-GCM decryption; throws {@link CiphertextRejectedException} when the tag fails. */
  byte[] decrypt(String label, GcmCiphertext ciphertext, byte[] hsmAad);

  /** Who and what the HSM is, for the health answer. */
  HsmIdentity identity();

  /** Whether the backend currently holds a working link to the HSM. */
  boolean connected();

  /** A name for logs and health that says what kind of backend this is. */
  String kind();

  @Override
  void close();
}
