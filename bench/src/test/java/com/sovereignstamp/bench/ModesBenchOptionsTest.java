package com.sovereignstamp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ModesBenchOptionsTest {
  static final String[] REQUIRED = {
    "--url", "https://127.0.0.1:8445",
    "--ca", "ca.pem",
    "--token-file", "token",
    "--bridge-instance", "bridge",
    "--officer-classpath", "classes",
    "--bridge-pid", "42"
  };

  @Test
  void defaultsAreTheIssuesFigures() {
    ModesBench.Options o = ModesBench.Options.parse(REQUIRED);
    assertThat(o.trials()).isEqualTo(100);
    assertThat(o.collections()).isEqualTo(50);
    assertThat(o.load()).isEqualTo(Duration.ofMinutes(5));
    assertThat(o.softTtl()).isEqualTo(Duration.ofSeconds(60));
    assertThat(o.bridgePid()).isEqualTo(42);
    assertThat(o.out()).isNull();
  }

  @Test
  void flagsOverrideTheDefaultsAndNotesAccumulate() {
    String[] args = new String[REQUIRED.length + 8];
    System.arraycopy(REQUIRED, 0, args, 0, REQUIRED.length);
    System.arraycopy(
        new String[] {"--trials", "7", "--load", "20s", "--note", "a", "--note", "b"},
        0,
        args,
        REQUIRED.length,
        8);
    ModesBench.Options o = ModesBench.Options.parse(args);
    assertThat(o.trials()).isEqualTo(7);
    assertThat(o.load()).isEqualTo(Duration.ofSeconds(20));
    assertThat(o.notes()).containsExactly("a", "b");
  }

  @Test
  void aMissingOrNonPositiveFlagIsRefused() {
    assertThatThrownBy(() -> ModesBench.Options.parse(new String[] {"--url", "x"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--ca");
    String[] zero = new String[REQUIRED.length + 2];
    System.arraycopy(REQUIRED, 0, zero, 0, REQUIRED.length);
    zero[REQUIRED.length] = "--trials";
    zero[REQUIRED.length + 1] = "0";
    assertThatThrownBy(() -> ModesBench.Options.parse(zero))
        .hasMessageContaining("--trials must be at least 1");
  }

  @Test
  void aRevocationNoticedByTheWatchSaysSoInItsReason() {
    assertThat(
            new ModesBench.RevokeTrial(0, 10, 15, "the key is disabled at the bridge (watch)", 0)
                .byWatch())
        .isTrue();
    assertThat(
            new ModesBench.RevokeTrial(
                    0, 10, 15, "the key is disabled at the bridge (metadata poll)", 0)
                .byWatch())
        .isFalse();
  }
}
