package com.sovereignstamp.bridge.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.bridge.xks.RequestMetadata;
import com.sovereignstamp.bridge.xks.XksError;
import com.sovereignstamp.bridge.xks.XksException;
import com.sovereignstamp.sigv4.SigV4Request;
import com.sovereignstamp.sigv4.SigV4Signer;
import com.sovereignstamp.sigv4.SigningSecret;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

class CallerAuthenticatorTest {
  private static final String AKID = KeyStoreFileTest.AKID;
  private static final SigningSecret SECRET = SigningSecret.of(KeyStoreFileTest.SECRET);
  private final KeyStoreDefinition store =
      new KeyStoreDefinition(
          "/bank",
          10,
          Map.of(),
          List.of(
              new CredentialDefinition(
                  AKID,
                  SECRET,
                  List.of(new X500Principal("CN=appliance")),
                  List.of("arn:allowed"))));

  private static SigV4Request signed() {
    Map<String, List<String>> h = new LinkedHashMap<>();
    h.put("host", List.of("127.0.0.1:8443"));
    h.put("content-type", List.of("application/json"));
    SigV4Request r = new SigV4Request("POST", "/bank/kms/xks/v1/health", "", h, "{}".getBytes());
    new SigV4Signer(AKID, SECRET, "eu-de", "kms-xks-proxy", Clock.systemUTC())
        .sign(r)
        .forEach((k, v) -> h.put(k, List.of(v)));
    return new SigV4Request("POST", r.rawPath(), "", h, r.body());
  }

  private static XksError errorOf(Runnable r) {
    try {
      r.run();
      return null;
    } catch (XksException e) {
      return e.error();
    }
  }

  @Test
  void signatureByAStoreCredential_fromItsOwnClient_isAccepted() {
    CallerAuthenticator auth =
        new CallerAuthenticator("eu-de", Clock.systemUTC(), Duration.ofMinutes(5), true);
    Caller caller =
        auth.authenticate(
            store, signed(), Optional.of(TestCertificates.withSubject("CN=appliance")));
    assertThat(caller.accessKeyId()).isEqualTo(AKID);
  }

  @Test
  void credentialFromAnotherClient_orWithoutAClientWhenRequired_isRefused() {
    CallerAuthenticator required =
        new CallerAuthenticator("eu-de", Clock.systemUTC(), Duration.ofMinutes(5), true);
    assertThat(
            errorOf(
                () ->
                    required.authenticate(
                        store, signed(), Optional.of(TestCertificates.withSubject("CN=intruder")))))
        .isEqualTo(XksError.AUTHENTICATION_FAILED);
    assertThat(errorOf(() -> required.authenticate(store, signed(), Optional.empty())))
        .isEqualTo(XksError.AUTHENTICATION_FAILED);
    CallerAuthenticator optional =
        new CallerAuthenticator("eu-de", Clock.systemUTC(), Duration.ofMinutes(5), false);
    assertThat(optional.authenticate(store, signed(), Optional.empty()).subject()).isEmpty();
  }

  @Test
  void signatureForAnotherRegion_isRefused() {
    CallerAuthenticator other =
        new CallerAuthenticator("us-east-1", Clock.systemUTC(), Duration.ofMinutes(5), false);
    assertThat(errorOf(() -> other.authenticate(store, signed(), Optional.empty())))
        .isEqualTo(XksError.AUTHENTICATION_FAILED);
  }

  @Test
  void principalOutsideTheCredentialsList_isAccessDenied() {
    CallerAuthenticator auth =
        new CallerAuthenticator("eu-de", Clock.systemUTC(), Duration.ofMinutes(5), false);
    Caller caller = auth.authenticate(store, signed(), Optional.empty());
    auth.authorize(
        caller, new RequestMetadata("r", "Encrypt", Optional.of("arn:allowed"), Optional.empty()));
    assertThatThrownBy(
            () ->
                auth.authorize(
                    caller,
                    new RequestMetadata(
                        "r", "Encrypt", Optional.of("arn:other"), Optional.empty())))
        .isInstanceOfSatisfying(
            XksException.class, e -> assertThat(e.error()).isEqualTo(XksError.ACCESS_DENIED));
  }
}
