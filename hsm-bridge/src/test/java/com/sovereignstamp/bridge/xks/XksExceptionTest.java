package com.sovereignstamp.bridge.xks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XksExceptionTest {
  @Test
  void messageToTheCaller_isPrintableAsciiUnder512Characters() {
    XksException e = new XksException(XksError.INTERNAL, "naïve\n" + "x".repeat(600), "detail");
    assertThat(e.getMessage()).hasSizeLessThan(512).matches("[\\x20-\\x7e]*");
    assertThat(e.detail()).isEqualTo("detail");
  }

  @Test
  void everyErrorName_hasTheStatusTheSpecificationGives() {
    assertThat(XksError.values()).hasSize(12);
    assertThat(XksError.VALIDATION.status()).isEqualTo(400);
    assertThat(XksError.AUTHENTICATION_FAILED.status()).isEqualTo(401);
    assertThat(XksError.ACCESS_DENIED.status()).isEqualTo(403);
    assertThat(XksError.INVALID_URI_PATH.status()).isEqualTo(404);
    assertThat(XksError.THROTTLING.status()).isEqualTo(429);
    assertThat(XksError.UNSUPPORTED_OPERATION.status()).isEqualTo(501);
    assertThat(XksError.DEPENDENCY_TIMEOUT.status()).isEqualTo(503);
  }
}
