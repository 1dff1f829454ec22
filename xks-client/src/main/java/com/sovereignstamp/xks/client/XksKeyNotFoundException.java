package com.sovereignstamp.xks.client;

/**
 * The bridge does not know the key id ({@code KeyNotFoundException}, HTTP 404): a wrong key id, or
 * a key gone from the HSM.
 */
public class XksKeyNotFoundException extends XksException {
  /**
   * @param keyId the external key id of the call, or null; kept out of the message
   */
  public XksKeyNotFoundException(int status, String errorName, String errorMessage, String keyId) {
    super(status, errorName, errorMessage, keyId, null);
  }
}
