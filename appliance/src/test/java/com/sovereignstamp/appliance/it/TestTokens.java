package com.sovereignstamp.appliance.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The tests' own token issuer (until the SSO issue brings Keycloak): an RSA key whose public half
 * the appliance trusts, and RS256 tokens with the claims MicroProfile JWT checks.
 */
public final class TestTokens {
  public static final String ISSUER = "https://sso.stamp.test/realms/stamp";
  public static final String AUDIENCE = "stamp-api";

  private final KeyPair keys;
  private final String issuer;

  private TestTokens(KeyPair keys, String issuer) {
    this.keys = keys;
    this.issuer = issuer;
  }

  public static TestTokens create(String issuer) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    return new TestTokens(g.generateKeyPair(), issuer);
  }

  /** The public key as PEM, for {@code mp.jwt.verify.publickey.location}. */
  public Path writePublicKey(Path file) throws Exception {
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    Files.writeString(file, pem);
    return file;
  }

  public String token(String subject, String... roles) throws Exception {
    return token(subject, Duration.ofMinutes(10), AUDIENCE, List.of(roles));
  }

  public String token(String subject, Duration validFor, String audience, List<String> roles)
      throws Exception {
    Instant now = Instant.now();
    String groups =
        roles.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(",", "[", "]"));
    String payload =
        "{\"iss\":\""
            + issuer
            + "\",\"sub\":\""
            + subject
            + "\",\"upn\":\""
            + subject
            + "\",\"aud\":\""
            + audience
            + "\",\"groups\":"
            + groups
            + ",\"iat\":"
            + now.minusSeconds(5).getEpochSecond()
            + ",\"exp\":"
            + now.plus(validFor).getEpochSecond()
            + ",\"jti\":\""
            + UUID.randomUUID()
            + "\"}";
    return sign("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", payload);
  }

  /** Signs any header and payload (for forged or malformed tokens). */
  public String sign(String header, String payload) throws Exception {
    String signingInput =
        b64(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + b64(payload.getBytes(StandardCharsets.UTF_8));
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(keys.getPrivate());
    s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + b64(s.sign());
  }

  static String b64(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
