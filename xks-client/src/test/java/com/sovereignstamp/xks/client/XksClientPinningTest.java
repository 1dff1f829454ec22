package com.sovereignstamp.xks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** The bridge's key pinned on top of the CA trust: a trusted CA is not enough, nor is a pin. */
class XksClientPinningTest {
  private final TestPki pki = TestPki.get();

  private ServerKeyPin pinOf(String certificate) {
    return ServerKeyPin.fromCertificateFile(pki.certificate(certificate));
  }

  @Test
  void serverWithPinnedKeyIsServed() throws Exception {
    try (FakeXksProxy proxy = FakeXksProxy.start("server");
        XksClient client =
            new XksClient(proxy.pinnableSettings().serverKeyPins(pinOf("server")).build())) {
      assertThat(client.health().fleetSize()).isEqualTo(2);
    }
  }

  @Test
  void serverWithUnpinnedCertificateIsRefusedEvenWhenItsCaIsTrusted() throws Exception {
    try (FakeXksProxy proxy = FakeXksProxy.start("server");
        XksClient client =
            new XksClient(proxy.pinnableSettings().serverKeyPins(pinOf("server-next")).build())) {
      XksUnreachableException e =
          catchThrowableOfType(
              XksUnreachableException.class,
              () -> client.encrypt(FakeXksApi.KEY_ID, new byte[] {42}, null, false));

      assertThat(e.errorName()).isEqualTo(XksException.SERVER_KEY_NOT_PINNED);
      assertThat(e.status()).isZero();
      assertThat(e.requestMayHaveBeenSent()).isFalse();
      assertThat(e.getMessage()).contains(pinOf("server").toString());
      assertThat(proxy.arrivals).hasValue(0);
    }
  }

  @Test
  void anUnpinnedServerIsNotRetried() throws Exception {
    try (FakeXksProxy proxy = FakeXksProxy.start("server");
        FlakyFront front = new FlakyFront(proxy.port());
        XksClient client =
            new XksClient(
                proxy
                    .pinnableSettings()
                    .baseUrl("https://127.0.0.1:" + front.port())
                    .serverKeyPins(pinOf("server-next"))
                    .retry(RetryPolicy.defaults().withMaxAttempts(3))
                    .build())) {
      assertThat(catchThrowableOfType(XksUnreachableException.class, client::health).errorName())
          .isEqualTo(XksException.SERVER_KEY_NOT_PINNED);
      assertThat(front.accepted).hasValue(1);
    }
  }

  @Test
  void anyOneOfSeveralPinsIsAcceptedSoTheBridgeKeyCanRotate() throws Exception {
    XksClientSettings.Builder both;
    try (FakeXksProxy current = FakeXksProxy.start("server");
        FakeXksProxy next = FakeXksProxy.start("server-next")) {
      for (FakeXksProxy proxy : new FakeXksProxy[] {current, next}) {
        both = proxy.pinnableSettings().serverKeyPins(pinOf("server"), pinOf("server-next"));
        try (XksClient client = new XksClient(both.build())) {
          assertThat(client.metadata(FakeXksApi.KEY_ID).enabled()).isTrue();
        }
      }
    }
  }

  @Test
  void aPinGivenAsHashWorksLikeThePinOfTheCertificateFile() throws Exception {
    ServerKeyPin fromHash = ServerKeyPin.sha256("sha256/" + pinOf("server").sha256());
    try (FakeXksProxy proxy = FakeXksProxy.start("server");
        XksClient client =
            new XksClient(proxy.pinnableSettings().serverKeyPins(fromHash).build())) {
      assertThat(client.health().anyActive()).isTrue();
    }
  }

  @Test
  void aPinnedServerFromAnUntrustedCaIsStillRefused() throws Exception {
    try (FakeXksProxy rogue = FakeXksProxy.start("rogue");
        XksClient client =
            new XksClient(rogue.pinnableSettings().serverKeyPins(pinOf("rogue")).build())) {
      XksUnreachableException e =
          catchThrowableOfType(XksUnreachableException.class, client::health);

      assertThat(e.errorName()).isEqualTo(XksException.TRANSPORT_FAILURE);
      assertThat(e.requestMayHaveBeenSent()).isFalse();
      assertThat(rogue.arrivals).hasValue(0);
    }
  }

  @Test
  void aPinnedServerStillNeedsItsHostNameToMatch() throws Exception {
    try (FakeXksProxy impostor = FakeXksProxy.start("elsewhere");
        XksClient client =
            new XksClient(impostor.pinnableSettings().serverKeyPins(pinOf("elsewhere")).build())) {
      XksUnreachableException e =
          catchThrowableOfType(XksUnreachableException.class, client::health);

      assertThat(e.errorName()).isEqualTo(XksException.TRANSPORT_FAILURE);
      assertThat(e.getMessage()).containsIgnoringCase("127.0.0.1");
      assertThat(impostor.arrivals).hasValue(0);
    }
  }

  @Test
  void pinsCannotBeCombinedWithAFinishedSslContext() throws Exception {
    try (FakeXksProxy proxy = FakeXksProxy.start("server")) {
      assertThatThrownBy(() -> proxy.settings().serverKeyPins(pinOf("server")).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("PemTls.material");
    }
  }
}
