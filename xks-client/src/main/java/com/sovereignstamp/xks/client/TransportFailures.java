package com.sovereignstamp.xks.client;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;

/**
 * Turns what {@link java.net.http.HttpClient} throws into an {@link XksUnreachableException} and
 * decides the two facts the retry rules need: could the request have left this process, and could
 * another attempt succeed.
 *
 * <ul>
 *   <li>Never sent: the connection was refused or could not be made (including a connect timeout),
 *       the host is unknown or unroutable, or the TLS handshake failed — the request is written
 *       only after the handshake.
 *   <li>Not worth another attempt: the server's certificate was rejected (unpinned key, unknown CA,
 *       wrong host name): the same server will present the same certificate.
 *   <li>Anything else (a timeout after connecting, a reset, an EOF instead of an answer): the
 *       request may have been sent and even processed.
 * </ul>
 */
final class TransportFailures {
  private TransportFailures() {}

  static XksUnreachableException classify(Throwable failure, Duration timeout) {
    PinningTrustManager.NotPinnedException notPinned =
        find(failure, PinningTrustManager.NotPinnedException.class);
    if (notPinned != null) {
      return new XksUnreachableException(
          0,
          XksException.SERVER_KEY_NOT_PINNED,
          "the server presented key " + notPinned.presented() + ", which is not pinned",
          null,
          false,
          false,
          failure);
    }
    if (find(failure, HttpConnectTimeoutException.class) != null) {
      return timedOut(timeout, false, failure);
    }
    if (find(failure, HttpTimeoutException.class) != null) {
      return timedOut(timeout, true, failure);
    }
    boolean handshake = find(failure, SSLHandshakeException.class) != null;
    if (handshake && find(failure, CertificateException.class) != null) {
      return failure(failure, false, false);
    }
    boolean neverSent =
        handshake
            || find(failure, ConnectException.class) != null
            || find(failure, NoRouteToHostException.class) != null
            || find(failure, UnknownHostException.class) != null
            || find(failure, UnresolvedAddressException.class) != null;
    return failure(failure, !neverSent, true);
  }

  static XksUnreachableException timedOut(
      Duration timeout, boolean mayHaveBeenSent, Throwable cause) {
    return new XksUnreachableException(
        0,
        XksException.CLIENT_TIMEOUT,
        "no answer within " + timeout.toMillis() + " ms",
        null,
        mayHaveBeenSent,
        true,
        cause);
  }

  /** The calling thread was interrupted: nothing learnt about the bridge, nothing retried. */
  static XksUnreachableException interrupted(InterruptedException e) {
    return new Interrupted(e);
  }

  static boolean isInterruption(XksUnreachableException e) {
    return e instanceof Interrupted;
  }

  private static XksUnreachableException failure(
      Throwable cause, boolean mayHaveBeenSent, boolean worthRetrying) {
    return new XksUnreachableException(
        0,
        XksException.TRANSPORT_FAILURE,
        describe(cause),
        null,
        mayHaveBeenSent,
        worthRetrying,
        cause);
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  /** An interruption; a class of its own so the breaker can ignore it. */
  private static final class Interrupted extends XksUnreachableException {
    Interrupted(InterruptedException cause) {
      super(0, XksException.TRANSPORT_FAILURE, "interrupted", null, true, false, cause);
    }
  }
}
