package com.sovereignstamp.xks.client;

/**
 * The key is disabled or revoked at the bridge: {@code InvalidStateException} on encrypt or
 * decrypt, or {@code keyStatus} other than {@code ENABLED} from {@link XksClient#requireEnabled}.
 * The stamp goes to {@code REVOKED}.
 */
public class XksKeyRevokedException extends XksException {
  /**
   * @param keyId the external key id of the call, or null; kept out of the message
   */
  public XksKeyRevokedException(int status, String errorName, String errorMessage, String keyId) {
    super(status, errorName, errorMessage, keyId, null);
  }
}
