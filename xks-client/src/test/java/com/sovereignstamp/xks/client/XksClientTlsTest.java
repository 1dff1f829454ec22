package com.sovereignstamp.xks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** Mutual TLS: the server wants a client certificate, the client checks the server's name. */
class XksClientTlsTest {
  @Test
  void aClientWithoutAClientCertificate_isRefusedByTheServer() throws Exception {
    try (FakeXksProxy proxy = FakeXksProxy.start("server");
        XksClient anonymous =
            new XksClient(
                proxy.settings().sslContext(PemTls.trustOnly(TestPki.get().ca())).build())) {
      XksException e = catchThrowableOfType(XksException.class, anonymous::health);

      assertThat(e.status()).isZero();
      assertThat(e.errorName()).isEqualTo(XksException.TRANSPORT_FAILURE);
      assertThat(proxy.requests).isEmpty();
    }
  }

  @Test
  void aServerCertificateForAnotherName_isRefusedByTheClient() throws Exception {
    try (FakeXksProxy impostor = FakeXksProxy.start("elsewhere");
        XksClient client = impostor.client()) {
      XksException e = catchThrowableOfType(XksException.class, client::health);

      assertThat(e.errorName()).isEqualTo(XksException.TRANSPORT_FAILURE);
      assertThat(e.getMessage()).containsIgnoringCase("127.0.0.1");
      assertThat(impostor.requests).isEmpty();
    }
  }

  @Test
  void aClientWithItsCertificate_isServed() throws Exception {
    try (FakeXksProxy proxy = FakeXksProxy.start("server");
        XksClient client = proxy.client()) {
      assertThat(client.health().fleetSize()).isEqualTo(2);
    }
  }
}
