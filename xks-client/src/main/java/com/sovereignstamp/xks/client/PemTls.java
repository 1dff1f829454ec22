package com.sovereignstamp.xks.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds TLS contexts from PEM files with the plain JDK. The trust anchors are the certificates of
 * a CA file; the client (or server) identity is a certificate chain with its unencrypted PKCS#8
 * private key. Host name verification is not affected: {@link java.net.http.HttpClient} keeps it on
 * for {@code https} URLs.
 *
 * <p>{@link #material} is the production path: it reads the private key as a {@link SecretFile}
 * (refused when group or others may read or write it) and its result can be pinned ({@link
 * XksClientSettings.Builder#tls}). {@link #mutual} reads the key whatever its permissions, for
 * tests and tools.
 */
public final class PemTls {
  /** The protocols this project allows, newest first. */
  public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  private PemTls() {}

  /**
   * A context that trusts the CA file's certificates and presents the given certificate chain.
   *
   * @param caPem one or more CA certificates (PEM)
   * @param chainPem the end-entity certificate first, then any intermediates (PEM)
   * @param keyPem the end-entity's private key, {@code BEGIN PRIVATE KEY} (PKCS#8, EC or RSA)
   */
  public static SSLContext mutual(Path caPem, Path chainPem, Path keyPem) {
    try {
      List<X509Certificate> chain = Pem.certificates(chainPem);
      PrivateKey key = Pem.privateKey(keyPem);
      char[] password = randomPassword();
      try {
        KeyStore store = emptyStore();
        store.setKeyEntry("identity", key, password, chain.toArray(new Certificate[0]));
        KeyManagerFactory kmf =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), trustManagers(caPem).getTrustManagers(), null);
        return context;
      } finally {
        Arrays.fill(password, '\0');
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot build a TLS context: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read PEM files", e);
    }
  }

  /**
   * The CA trust and the client identity from PEM files, with the private key read as a {@link
   * SecretFile}: a key file that group or others may read or write is refused (an {@link
   * IllegalStateException} naming the file).
   *
   * @param caPem one or more CA certificates (PEM)
   * @param chainPem the end-entity certificate first, then any intermediates (PEM)
   * @param keyPem the end-entity's private key, {@code BEGIN PRIVATE KEY} (PKCS#8, EC or RSA),
   *     readable by its owner only
   */
  public static TlsMaterial material(Path caPem, Path chainPem, Path keyPem) {
    try {
      List<X509Certificate> chain = Pem.certificates(chainPem);
      PrivateKey key = Pem.privateKeyOwnerOnly(keyPem);
      char[] password = randomPassword();
      try {
        KeyStore store = emptyStore();
        store.setKeyEntry("identity", key, password, chain.toArray(new Certificate[0]));
        return TlsMaterial.fromKeyStores(store, password, anchors(caPem));
      } finally {
        Arrays.fill(password, '\0');
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot build a TLS context: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read PEM files", e);
    }
  }

  /** A context that trusts the CA file's certificates and presents no certificate of its own. */
  public static SSLContext trustOnly(Path caPem) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trustManagers(caPem).getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot build a TLS context: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read PEM files", e);
    }
  }

  /** The context's default parameters restricted to {@link #PROTOCOLS}. */
  public static SSLParameters parameters(SSLContext context) {
    SSLParameters parameters = context.getDefaultSSLParameters();
    parameters.setProtocols(PROTOCOLS.toArray(new String[0]));
    return parameters;
  }

  private static TrustManagerFactory trustManagers(Path caPem)
      throws IOException, GeneralSecurityException {
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(anchors(caPem));
    return tmf;
  }

  private static KeyStore anchors(Path caPem) throws IOException, GeneralSecurityException {
    List<X509Certificate> anchors = Pem.certificates(caPem);
    KeyStore store = emptyStore();
    for (int i = 0; i < anchors.size(); i++) {
      store.setCertificateEntry("ca-" + i, anchors.get(i));
    }
    return store;
  }

  private static KeyStore emptyStore() throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    return store;
  }

  private static char[] randomPassword() {
    SecureRandom random = new SecureRandom();
    char[] password = new char[32];
    for (int i = 0; i < password.length; i++) {
      password[i] = (char) ('!' + random.nextInt(94));
    }
    return password;
  }
}
