package com.sovereignstamp.bench;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Map;

/**
 * The bridge's benchmark-only baseline: {@code POST /bridge/bench/baseline-decrypt/{label}} with
 * {@code u16be(len hsmAad) ‖ hsmAad ‖ iv ‖ ciphertext ‖ tag}, answered with the plaintext. The
 * request never changes, so it is built once.
 */
final class BaselineDecryptWorkload implements Workload {
  static final String PATH = "/bridge/bench/baseline-decrypt/";
  static final String OCTETS = "application/octet-stream";

  private final String payload;
  private final byte[] request;
  private final byte[] plaintext;

  BaselineDecryptWorkload(Target target, String hsmLabel, DecryptFixture fixture) {
    this.payload = fixture.payload();
    this.plaintext = fixture.plaintext().clone();
    byte[] body = body(fixture);
    this.request =
        HttpRequestBytes.post(PATH + hsmLabel, target.hostHeader(), OCTETS, Map.of(), body);
  }

  static byte[] body(DecryptFixture fixture) {
    byte[] hsmAad = HsmAad.of(fixture.aad(), fixture.encrypted().ciphertextMetadata());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(hsmAad.length >>> 8);
    out.write(hsmAad.length);
    out.writeBytes(hsmAad);
    out.writeBytes(fixture.encrypted().iv());
    out.writeBytes(fixture.encrypted().ciphertext());
    out.writeBytes(fixture.encrypted().authenticationTag());
    return out.toByteArray();
  }

  @Override
  public String scenario() {
    return "baseline";
  }

  @Override
  public String payload() {
    return payload;
  }

  /** The same array every time; callers only write it out. */
  @Override
  public byte[] nextRequest() {
    return request;
  }

  @Override
  public boolean isExpected(HttpResponse response) {
    return response.status() == 200 && Arrays.equals(response.body(), plaintext);
  }
}
