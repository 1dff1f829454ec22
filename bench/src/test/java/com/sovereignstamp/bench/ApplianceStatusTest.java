package com.sovereignstamp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApplianceStatusTest {
  @Test
  void theKeyCacheAndAuditFigures_areReadFromTheStatusDocument() {
    ApplianceStatus s =
        ApplianceStatus.parse(
            "{\"mode\":\"NORMAL\",\"stampId\":\"demo\",\"keys\":{\"cmkKeyId\":\"k\",\"cached\":2,"
                + "\"unwraps\":7,\"softTtl\":\"PT1M\",\"hardTtl\":\"PT5M\"},"
                + "\"audit\":{\"entries\":1234,\"lastCheckpoint\":null}}");

    assertThat(s).isEqualTo(new ApplianceStatus(2, 7, "PT1M", 1234));
  }

  @Test
  void aStatusWithoutTheUnwrapCounter_isRefused() {
    assertThatThrownBy(() -> ApplianceStatus.parse("{\"keys\":{\"cached\":1}}"))
        .hasMessageContaining("unwraps");
  }
}
