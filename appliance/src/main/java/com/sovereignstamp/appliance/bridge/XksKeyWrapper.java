package com.sovereignstamp.appliance.bridge;

import com.sovereignstamp.appliance.keys.KeyServiceException;
import com.sovereignstamp.appliance.keys.KeyServiceException.Reason;
import com.sovereignstamp.appliance.keys.KeyWrapper;
import com.sovereignstamp.appliance.keys.WrappedKey;
import com.sovereignstamp.xks.client.EncryptResult;
import com.sovereignstamp.xks.client.RequestMetadata;
import com.sovereignstamp.xks.client.XksCiphertext;
import com.sovereignstamp.xks.client.XksClient;
import com.sovereignstamp.xks.client.XksException;
import com.sovereignstamp.xks.client.XksInvalidCiphertextException;
import com.sovereignstamp.xks.client.XksKeyNotFoundException;
import com.sovereignstamp.xks.client.XksKeyRevokedException;
import com.sovereignstamp.xks.client.XksRefusedException;
import com.sovereignstamp.xks.client.XksUnreachableException;
import java.util.UUID;

/**
 * Wraps and unwraps collection keys with XKS encrypt and decrypt at the bridge, under the
 * configured customer key, the wrap context as AAD; asks for and checks the integrity value on
 * encrypt. Every XKS failure becomes a {@link KeyServiceException} naming its reason.
 */
public final class XksKeyWrapper implements KeyWrapper {
  private final XksClient client;
  private final String cmkKeyId;
  private final RequestMetadata metadata;

  /**
   * @param principalArn the appliance's workload identity, sent as {@code awsPrincipalArn}
   */
  public XksKeyWrapper(XksClient client, String cmkKeyId, String principalArn) {
    this.client = client;
    this.cmkKeyId = cmkKeyId;
    this.metadata = RequestMetadata.defaults().withAwsPrincipalArn(principalArn);
  }

  @Override
  public String cmkKeyId() {
    return cmkKeyId;
  }

  @Override
  public WrappedKey wrap(byte[] key, byte[] aad) {
    try {
      EncryptResult r = client.encrypt(cmkKeyId, key, aad, true, request("Encrypt"));
      return new WrappedKey(
          cmkKeyId, r.iv(), r.ciphertext(), r.authenticationTag(), r.ciphertextMetadata());
    } catch (XksException e) {
      throw translate(e);
    }
  }

  @Override
  public byte[] unwrap(WrappedKey wrapped, byte[] aad) {
    try {
      return client.decrypt(
          wrapped.cmkKeyId(),
          XksCiphertext.of(
              wrapped.ciphertext(), wrapped.iv(), wrapped.tag(), wrapped.ciphertextMetadata()),
          aad,
          request("Decrypt"));
    } catch (XksException e) {
      throw translate(e);
    }
  }

  private RequestMetadata request(String operation) {
    return metadata.withKmsOperation(operation).withKmsRequestId(UUID.randomUUID().toString());
  }

  /** The reason an XKS failure stands for (docs/xks-client.md has the mapping). */
  static KeyServiceException translate(XksException e) {
    return new KeyServiceException(
        reason(e), "the bridge did not serve the key: " + e.getMessage(), e);
  }

  static Reason reason(XksException e) {
    if (e instanceof XksUnreachableException) {
      return Reason.UNREACHABLE;
    }
    if (e instanceof XksKeyRevokedException) {
      return Reason.REVOKED;
    }
    if (e instanceof XksRefusedException) {
      return Reason.REFUSED;
    }
    if (e instanceof XksKeyNotFoundException) {
      return Reason.KEY_NOT_FOUND;
    }
    if (e instanceof XksInvalidCiphertextException) {
      return Reason.INVALID_CIPHERTEXT;
    }
    return Reason.FAILED;
  }
}
