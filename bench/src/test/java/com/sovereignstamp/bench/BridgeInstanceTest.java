package com.sovereignstamp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BridgeInstanceTest {
  @TempDir Path dir;

  @Test
  void instanceEnv_loses_its_quotes() throws Exception {
    Files.writeString(
        dir.resolve("instance.env"), "XKS_URL='https://127.0.0.1:18500'\nXKS_KEY_ID='k-1'\n");
    assertThat(BridgeInstance.env(dir))
        .containsEntry("XKS_URL", "https://127.0.0.1:18500")
        .containsEntry("XKS_KEY_ID", "k-1");
  }

  @Test
  void laterProperties_win_and_decide_whether_the_bridge_audits() throws Exception {
    Files.writeString(
        dir.resolve("bridge.properties"),
        "bridge.audit.jdbc.url=jdbc:h2:file:/x;WRITE_DELAY=0\nbridge.audit.enabled=true\n"
            + "bridge.audit.enabled=false\n");
    Map<String, String> props = BridgeInstance.properties(dir);
    assertThat(props).containsEntry("bridge.audit.jdbc.url", "jdbc:h2:file:/x;WRITE_DELAY=0");
    assertThat(BridgeInstance.audited(props)).isFalse();
    assertThat(BridgeInstance.audited(Map.of())).isTrue();
  }

  @Test
  void take_removes_a_flag_in_either_form() {
    List<String> args =
        new ArrayList<>(List.of("--repeats", "3", "--duration", "10s", "--state=/tmp/s"));
    assertThat(XksAuditBench.take(args, "repeats")).isEqualTo("3");
    assertThat(XksAuditBench.take(args, "state")).isEqualTo("/tmp/s");
    assertThat(XksAuditBench.take(args, "audit-bridges")).isNull();
    assertThat(args).containsExactly("--duration", "10s");
  }

  @Test
  void counterSums_read_prometheus_samples() {
    List<String> lines =
        List.of(
            "xks_requests_total{operation=\"decrypt\",outcome=\"ok\"} 120",
            "xks_requests_total{operation=\"encrypt\",outcome=\"ok\"} 2",
            "bridge_audit_failures_total 0");
    assertThat(AuditReport.sum(lines, l -> l.startsWith(AuditReport.REQUESTS))).isEqualTo(122);
    assertThat(lines.stream().filter(AuditReport::isAuditCounter)).hasSize(3);
  }
}
