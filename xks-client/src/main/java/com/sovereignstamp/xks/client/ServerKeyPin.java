package com.sovereignstamp.xks.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Objects;

/**
 * One pinned server key: the SHA-256 of the DER SubjectPublicKeyInfo of the bridge's certificate
 * (the {@code pin-sha256} of RFC 7469), held as its standard Base64. A client with pins refuses a
 * server whose leaf certificate's key matches none of them, even when its CA is trusted. Pinning
 * the key rather than the certificate lets the bridge renew its certificate on the same key; to
 * rotate the key, configure the old and the new pin together, switch the bridge, then drop the old
 * pin.
 *
 * <p>The same hash with openssl: {@code openssl x509 -in bridge.pem -pubkey -noout | openssl pkey
 * -pubin -outform der | openssl dgst -sha256 -binary | openssl base64}.
 *
 * @param sha256 standard Base64 of the 32-byte SHA-256 of the SubjectPublicKeyInfo
 */
public record ServerKeyPin(String sha256) {
  /** The prefix of the text form, as in HPKP's {@code pin-sha256} and curl's pinned keys. */
  public static final String PREFIX = "sha256/";

  public ServerKeyPin {
    Objects.requireNonNull(sha256, "sha256");
    byte[] digest;
    try {
      digest = Base64.getDecoder().decode(sha256);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a server key pin is the standard Base64 of a SHA-256");
    }
    if (digest.length != 32 || !Base64.getEncoder().encodeToString(digest).equals(sha256)) {
      throw new IllegalArgumentException("a server key pin is the standard Base64 of a SHA-256");
    }
  }

  /** A pin from its Base64 SHA-256, with or without the {@code sha256/} prefix. */
  public static ServerKeyPin sha256(String base64) {
    Objects.requireNonNull(base64, "base64");
    String trimmed = base64.strip();
    return new ServerKeyPin(
        trimmed.startsWith(PREFIX) ? trimmed.substring(PREFIX.length()) : trimmed);
  }

  /** The pin of a certificate's public key. */
  public static ServerKeyPin of(X509Certificate certificate) {
    return of(certificate.getPublicKey());
  }

  /** The pin of a public key. */
  public static ServerKeyPin of(PublicKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return new ServerKeyPin(Base64.getEncoder().encodeToString(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** The pin of the first certificate of a PEM file (the bridge's own certificate). */
  public static ServerKeyPin fromCertificateFile(Path pem) {
    try {
      return of(Pem.certificates(pem).get(0));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "no usable certificate in " + pem + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the pinned certificate " + pem, e);
    }
  }

  /**
   * A pin from configuration text: {@code sha256/BASE64} is a hash, anything else the path of a PEM
   * certificate file.
   */
  public static ServerKeyPin parse(String text) {
    Objects.requireNonNull(text, "text");
    String trimmed = text.strip();
    return trimmed.startsWith(PREFIX) ? sha256(trimmed) : fromCertificateFile(Path.of(trimmed));
  }

  /** True when the key's SubjectPublicKeyInfo hashes to this pin. */
  boolean matches(PublicKey key) {
    return equals(of(key));
  }

  @Override
  public String toString() {
    return PREFIX + sha256;
  }
}
