package com.sovereignstamp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WatchOptionsTest {
  @Test
  void defaults_andBothFlagForms() {
    WatchOptions o =
        WatchOptions.parse(
            new String[] {"--instance", "inst", "--officer-classpath=a:b/*", "--trials", "5"});
    assertThat(o.instance()).isEqualTo(Path.of("inst"));
    assertThat(o.officerClasspath()).isEqualTo("a:b/*");
    assertThat(o.trials()).isEqualTo(5);
    assertThat(o.warmupTrials()).isEqualTo(20);
    assertThat(o.metadataPerTrial()).isEqualTo(3);
    assertThat(o.hold()).isEqualTo(Duration.ofMillis(200));
    assertThat(o.goal()).isEqualTo(Duration.ofMillis(100));
    assertThat(o.bridgePid()).isEmpty();
    assertThat(o.out()).isEmpty();
  }

  @Test
  void refusesWhatItCannotUse() {
    assertThatThrownBy(() -> WatchOptions.parse(new String[] {"--trials", "5"}))
        .hasMessageContaining("required");
    assertThatThrownBy(
            () ->
                WatchOptions.parse(
                    new String[] {"--instance", "i", "--officer-classpath", "c", "--trials", "0"}))
        .hasMessageContaining("--trials");
    assertThatThrownBy(
            () -> WatchOptions.parse(new String[] {"--instance", "i", "--officer-classpath"}))
        .hasMessageContaining("needs a value");
    assertThatThrownBy(() -> WatchOptions.parse(new String[] {"--secret", "x"}))
        .hasMessageContaining("unknown option");
    assertThatThrownBy(
            () ->
                WatchOptions.parse(
                    new String[] {
                      "--instance", "i", "--instance", "j", "--officer-classpath", "c"
                    }))
        .hasMessageContaining("twice");
  }
}
