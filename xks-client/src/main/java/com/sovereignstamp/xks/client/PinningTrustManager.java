package com.sovereignstamp.xks.client;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The CA's trust manager (chain, validity, host name) followed by the pin check of the server's
 * leaf key. Both must pass: a pin never replaces the CA or the host name check.
 */
final class PinningTrustManager extends X509ExtendedTrustManager {
  private final X509ExtendedTrustManager trust;
  private final List<ServerKeyPin> pins;

  PinningTrustManager(X509ExtendedTrustManager trust, List<ServerKeyPin> pins) {
    this.trust = trust;
    this.pins = List.copyOf(pins);
    if (this.pins.isEmpty()) {
      throw new IllegalArgumentException("pinning needs at least one pin");
    }
  }

  /** Thrown inside the handshake when the server's key is not pinned. */
  static final class NotPinnedException extends CertificateException {
    private final ServerKeyPin presented;

    NotPinnedException(ServerKeyPin presented) {
      super("the server's key " + presented + " is not one of the pinned keys");
      this.presented = presented;
    }

    ServerKeyPin presented() {
      return presented;
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    trust.checkServerTrusted(chain, authType, engine);
    requirePinned(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    trust.checkServerTrusted(chain, authType, socket);
    requirePinned(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    trust.checkServerTrusted(chain, authType);
    requirePinned(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    trust.checkClientTrusted(chain, authType, engine);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    trust.checkClientTrusted(chain, authType, socket);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    trust.checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return trust.getAcceptedIssuers();
  }

  private void requirePinned(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("the server presented no certificate");
    }
    ServerKeyPin presented = ServerKeyPin.of(chain[0]);
    if (!pins.contains(presented)) {
      throw new NotPinnedException(presented);
    }
  }
}
