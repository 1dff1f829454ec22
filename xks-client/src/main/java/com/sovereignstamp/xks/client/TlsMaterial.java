package com.sovereignstamp.xks.client;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509KeyManager;

/**
 * What a TLS client is made of before it becomes an {@link SSLContext}: its identity (certificate
 * chain and private key, in a key manager) and the CA trust (a trust manager). Unlike a finished
 * context, it can be combined with {@link ServerKeyPin}s, so {@link XksClientSettings} takes this
 * when the bridge's key is pinned. Build it with {@link PemTls#material} from PEM files or with
 * {@link #fromKeyStores} from key stores. Its {@code toString} shows no key.
 */
public final class TlsMaterial {
  private final X509KeyManager identity;
  private final X509ExtendedTrustManager trust;
  private final int trustAnchors;

  private TlsMaterial(X509KeyManager identity, X509ExtendedTrustManager trust) {
    this.identity = identity;
    this.trust = Objects.requireNonNull(trust, "trust");
    this.trustAnchors = trust.getAcceptedIssuers().length;
  }

  /**
   * @param identity the client certificate and key, or null for a client without one
   * @param trust the CA trust; an extended trust manager, so that host names are still checked
   */
  public static TlsMaterial of(X509KeyManager identity, X509ExtendedTrustManager trust) {
    return new TlsMaterial(identity, trust);
  }

  /**
   * From a PKCS#12 (or other) key store holding one private key entry, and a key store of trust
   * anchors.
   *
   * @param identity the key store with the client's key and chain, or null
   * @param password the key entry's password; the caller clears it afterwards
   * @param trustAnchors the CA certificates that may sign the bridge's certificate
   */
  public static TlsMaterial fromKeyStores(
      KeyStore identity, char[] password, KeyStore trustAnchors) {
    try {
      X509KeyManager keyManager = null;
      if (identity != null) {
        KeyManagerFactory kmf =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(identity, password);
        keyManager = only(X509KeyManager.class, kmf.getKeyManagers());
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trustAnchors);
      return new TlsMaterial(
          keyManager, only(X509ExtendedTrustManager.class, tmf.getTrustManagers()));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot use the key stores: " + e.getMessage(), e);
    }
  }

  /** True when a client certificate is presented. */
  public boolean hasIdentity() {
    return identity != null;
  }

  /**
   * A TLS context from this material. With pins, the server must pass the CA trust (chain, host
   * name) and present a pinned key; without, the CA trust alone.
   */
  public SSLContext sslContext(Collection<ServerKeyPin> pins) {
    List<ServerKeyPin> pinned = List.copyOf(pins);
    X509ExtendedTrustManager checking =
        pinned.isEmpty() ? trust : new PinningTrustManager(trust, pinned);
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          identity == null ? null : new KeyManager[] {identity},
          new TrustManager[] {checking},
          null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a TLS context: " + e.getMessage(), e);
    }
  }

  private static <T> T only(Class<T> type, Object[] managers) throws GeneralSecurityException {
    for (Object m : managers) {
      if (type.isInstance(m)) {
        return type.cast(m);
      }
    }
    throw new GeneralSecurityException("no " + type.getSimpleName() + " from the factory");
  }

  @Override
  public String toString() {
    return "TlsMaterial[identity="
        + (identity == null ? "none" : "present")
        + ", trustAnchors="
        + trustAnchors
        + "]";
  }
}
