package com.sovereignstamp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OtherJvmsTest {
  @Test
  void javaProcesses_areNamedByKind_notByTheirCommandLines() {
    assertThat(OtherJvms.kind(List.of("-Xmx1g", "-jar", "/x/payara-micro-6.2025.10.jar")))
        .isEqualTo("Payara Micro");
    assertThat(OtherJvms.kind(List.of("-classpath", "/m/boot/plexus-classworlds-2.8.0.jar")))
        .isEqualTo("Maven");
    assertThat(OtherJvms.kind(List.of("-jar", "/t/surefire/surefirebooter.jar")))
        .isEqualTo("Maven test JVM");
    assertThat(OtherJvms.kind(List.of("-cp", "/secret/path", "Main"))).isEqualTo("other Java");
    assertThat(OtherJvms.describe(Map.of("Payara Micro", 2, "Maven", 1)))
        .isEqualTo("3 (Maven × 1, Payara Micro × 2)");
    assertThat(OtherJvms.describe(Map.of())).isEqualTo("none");
  }

  @Test
  void theDriverItself_andTheProcessesOfTheRun_areNotCounted() {
    long self = ProcessHandle.current().pid();

    assertThat(OtherJvms.now(Set.of(self)).values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(OtherJvms.now(Set.of()).values().stream().mapToInt(Integer::intValue).sum());
  }
}
