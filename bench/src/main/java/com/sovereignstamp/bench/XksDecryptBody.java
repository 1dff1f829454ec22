package com.sovereignstamp.bench;

import com.sovereignstamp.xks.client.EncryptResult;
import com.sovereignstamp.xks.client.RequestMetadata;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The JSON body of an XKS decrypt, built once around the one part that changes per request: the
 * {@code kmsRequestId}. Every value is Base64, an ARN or a UUID, so no escaping is needed (and the
 * constructor checks that none is).
 */
final class XksDecryptBody {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9+/=:._/\\-]*");

  private final byte[] head;
  private final byte[] tail;

  XksDecryptBody(String region, String keyId, byte[] aad, EncryptResult encrypted) {
    Base64.Encoder b64 = Base64.getEncoder();
    String principal = plain(RequestMetadata.DEFAULT_PRINCIPAL_ARN);
    String keyArn = plain(RequestMetadata.defaultKeyArn(region, keyId));
    this.head = "{\"requestMetadata\":{\"kmsRequestId\":\"".getBytes(StandardCharsets.US_ASCII);
    StringBuilder t = new StringBuilder(256);
    t.append("\",\"kmsOperation\":\"Decrypt\",\"awsPrincipalArn\":\"").append(principal);
    t.append("\",\"kmsKeyArn\":\"").append(keyArn).append("\"}");
    t.append(",\"encryptionAlgorithm\":\"AES_GCM\"");
    t.append(",\"ciphertext\":\"").append(b64.encodeToString(encrypted.ciphertext())).append('"');
    t.append(",\"initializationVector\":\"").append(b64.encodeToString(encrypted.iv()));
    t.append('"');
    t.append(",\"authenticationTag\":\"");
    t.append(b64.encodeToString(encrypted.authenticationTag())).append('"');
    byte[] meta = encrypted.ciphertextMetadata();
    if (meta != null) {
      t.append(",\"ciphertextMetadata\":\"").append(b64.encodeToString(meta)).append('"');
    }
    if (aad != null) {
      t.append(",\"additionalAuthenticatedData\":\"").append(b64.encodeToString(aad)).append('"');
    }
    t.append('}');
    this.tail = t.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** The body with this request id. */
  byte[] withRequestId(String kmsRequestId) {
    byte[] id = plain(kmsRequestId).getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[head.length + id.length + tail.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(id, 0, out, head.length, id.length);
    System.arraycopy(tail, 0, out, head.length + id.length, tail.length);
    return out;
  }

  private static String plain(String value) {
    if (!PLAIN.matcher(value).matches()) {
      throw new IllegalArgumentException("value would need JSON escaping: " + value);
    }
    return value;
  }
}
