package com.sovereignstamp.bench;

import com.sovereignstamp.sigv4.SigV4Request;
import com.sovereignstamp.sigv4.SigV4Signer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * XKS decrypt of one fixture. Every request gets a fresh {@code kmsRequestId} and a fresh SigV4
 * signature over {@code host}, {@code content-type} and {@code x-amz-date}, as a KMS client sends
 * them; the answer must be 200 with the fixture's plaintext.
 */
final class XksDecryptWorkload implements Workload {
  static final String JSON = "application/json";

  private final String payload;
  private final String path;
  private final String host;
  private final SigV4Signer signer;
  private final XksDecryptBody body;
  private final byte[] expectedPlaintext;

  XksDecryptWorkload(
      Target target,
      String uriPrefix,
      String region,
      String keyId,
      SigV4Signer signer,
      DecryptFixture fixture) {
    this.payload = fixture.payload();
    this.path = uriPrefix + "/kms/xks/v1/keys/" + keyId + "/decrypt";
    this.host = target.hostHeader();
    this.signer = signer;
    this.body = new XksDecryptBody(region, keyId, fixture.aad(), fixture.encrypted());
    String b64 = Base64.getEncoder().encodeToString(fixture.plaintext());
    this.expectedPlaintext = ('"' + b64 + '"').getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public String scenario() {
    return "xks-decrypt";
  }

  @Override
  public String payload() {
    return payload;
  }

  @Override
  public byte[] nextRequest() {
    byte[] json = body.withRequestId(UUID.randomUUID().toString());
    Map<String, List<String>> signed = Map.of("host", List.of(host), "content-type", List.of(JSON));
    Map<String, String> auth = signer.sign(new SigV4Request("POST", path, "", signed, json));
    return HttpRequestBytes.post(path, host, JSON, auth, json);
  }

  /** 200 whose JSON carries the expected Base64 plaintext as a string value. */
  @Override
  public boolean isExpected(HttpResponse response) {
    return response.status() == 200 && Bytes.contains(response.body(), expectedPlaintext);
  }
}
