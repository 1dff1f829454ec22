package com.sovereignstamp.bridge.xks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XksPathTest {
  @Test
  void keyOperationPath_yieldsPrefixKeyAndOperation() {
    XksPath p = XksPath.parse("/bank/eu-de/kms/xks/v1/keys/cmk.v1_a-b/decrypt");
    assertThat(p.prefix()).isEqualTo("/bank/eu-de");
    assertThat(p.keyId()).contains("cmk.v1_a-b");
    assertThat(p.operation()).isEqualTo(XksOperation.DECRYPT);
  }

  @Test
  void healthWithoutPrefix_isTheEmptyPrefix() {
    XksPath p = XksPath.parse("/kms/xks/v1/health");
    assertThat(p.prefix()).isEmpty();
    assertThat(p.operation()).isEqualTo(XksOperation.HEALTH);
    assertThat(p.keyId()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "/",
        "/kms/xks/v1/keys/k/sign",
        "/kms/xks/v1/keys/../metadata",
        "/kms/xks/v1/keys/./metadata",
        "/p/../kms/xks/v1/health",
        "/p%2F/kms/xks/v1/health",
        "/kms/xks/v1/keys/k%2Fx/metadata",
        "//kms/xks/v1/health",
        "/kms/xks/v1/health/",
        "/kms/xks/v1/keys//metadata",
        "/kms/xks/v1/keys/k/metadata?x",
        "/p.q/kms/xks/v1/health"
      })
  void anythingElse_isInvalidUriPath(String raw) {
    assertThatThrownBy(() -> XksPath.parse(raw))
        .isInstanceOfSatisfying(
            XksException.class, e -> assertThat(e.error()).isEqualTo(XksError.INVALID_URI_PATH));
  }

  @Test
  void keyIdsLongerThan128Characters_areInvalidUriPath() {
    assertThat(XksPath.parse("/kms/xks/v1/keys/" + "k".repeat(128) + "/metadata").keyId())
        .isPresent();
    assertThatThrownBy(() -> XksPath.parse("/kms/xks/v1/keys/" + "k".repeat(129) + "/metadata"))
        .isInstanceOf(XksException.class);
  }
}
