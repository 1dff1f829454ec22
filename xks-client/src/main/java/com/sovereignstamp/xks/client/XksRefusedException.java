package com.sovereignstamp.xks.client;

/**
 * The bridge refuses this caller: HTTP 401 ({@code AuthenticationFailedException}: unknown or
 * withdrawn credential, bad signature, clock skew) or HTTP 403 ({@code AccessDeniedException}: no
 * grant for this key, certificate or operation). Either status counts, whatever the body. The stamp
 * treats the first refused call as revocation.
 */
public class XksRefusedException extends XksException {
  /**
   * @param keyId the external key id of the call, or null; kept out of the message
   */
  public XksRefusedException(int status, String errorName, String errorMessage, String keyId) {
    super(status, errorName, errorMessage, keyId, null);
  }
}
