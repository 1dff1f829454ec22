package com.sovereignstamp.xks.client;

import java.util.Arrays;
import java.util.Objects;

/**
 * The answer of {@code …/keys/{id}/encrypt}. Arrays are copied in and out.
 *
 * @param ciphertext same length as the plaintext
 * @param iv {@code initializationVector}, 12 or 16 bytes
 * @param authenticationTag 16 bytes
 * @param ciphertextMetadata at most 20 bytes, or null
 * @param ciphertextDataIntegrityValue Base64 of the SHA-256 integrity value, or null when not asked
 */
public record EncryptResult(
    byte[] ciphertext,
    byte[] iv,
    byte[] authenticationTag,
    byte[] ciphertextMetadata,
    String ciphertextDataIntegrityValue)
    implements XksCiphertext {
  public EncryptResult {
    ciphertext = Objects.requireNonNull(ciphertext, "ciphertext").clone();
    iv = Objects.requireNonNull(iv, "iv").clone();
    authenticationTag = Objects.requireNonNull(authenticationTag, "authenticationTag").clone();
    ciphertextMetadata = ciphertextMetadata == null ? null : ciphertextMetadata.clone();
  }

  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public byte[] iv() {
    return iv.clone();
  }

  @Override
  public byte[] authenticationTag() {
    return authenticationTag.clone();
  }

  @Override
  public byte[] ciphertextMetadata() {
    return ciphertextMetadata == null ? null : ciphertextMetadata.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EncryptResult r
        && Arrays.equals(ciphertext, r.ciphertext)
        && Arrays.equals(iv, r.iv)
        && Arrays.equals(authenticationTag, r.authenticationTag)
        && Arrays.equals(ciphertextMetadata, r.ciphertextMetadata)
        && Objects.equals(ciphertextDataIntegrityValue, r.ciphertextDataIntegrityValue);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        Arrays.hashCode(ciphertext),
        Arrays.hashCode(iv),
        Arrays.hashCode(authenticationTag),
        Arrays.hashCode(ciphertextMetadata),
        ciphertextDataIntegrityValue);
  }

  @Override
  public String toString() {
    return "EncryptResult[ciphertext="
        + ciphertext.length
        + " bytes, iv="
        + iv.length
        + " bytes, authenticationTag="
        + authenticationTag.length
        + " bytes, ciphertextMetadata="
        + (ciphertextMetadata == null ? "none" : ciphertextMetadata.length + " bytes")
        + ", integrityValue="
        + (ciphertextDataIntegrityValue == null ? "none" : "present")
        + "]";
  }
}
