package com.sovereignstamp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateScheduleTest {
  private static final long START = 5_000_000_000L;
  private static final long SECOND = 1_000_000_000L;

  @Test
  void theFirstRequest_isDueAtTheStart_onConnectionZero() {
    assertThat(new RateSchedule(START, 4, 1000).sendTime(0, 0)).isEqualTo(START);
  }

  @Test
  void allConnectionsTogether_sendEvenlySpacedRequests_atTheRate() {
    RateSchedule s = new RateSchedule(START, 4, 1000);
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      for (long k = 0; k < 250; k++) {
        times.add(s.sendTime(i, k));
      }
    }
    times.sort(null);

    assertThat(times).hasSize(1000).doesNotHaveDuplicates();
    for (int j = 0; j < 1000; j++) {
      assertThat(times.get(j)).isEqualTo(START + j * 1_000_000L);
    }
  }

  @Test
  void eachConnection_sendsEveryNthSlot() {
    RateSchedule s = new RateSchedule(START, 16, 1000);

    assertThat(s.sendTime(3, 0)).isEqualTo(START + 3_000_000L);
    assertThat(s.sendTime(3, 1) - s.sendTime(3, 0)).isEqualTo(16_000_000L);
    assertThat(s.sendTime(15, 2)).isEqualTo(START + (2 * 16 + 15) * 1_000_000L);
  }

  @Test
  void aRateThatDoesNotDivideASecond_staysOnScheduleWithoutDrift() {
    RateSchedule s = new RateSchedule(START, 1, 3);

    assertThat(s.sendTime(0, 1)).isEqualTo(START + 333_333_333L);
    assertThat(s.sendTime(0, 3)).isEqualTo(START + SECOND);
    assertThat(s.sendTime(0, 3000)).isEqualTo(START + 1000 * SECOND);
  }

  @Test
  void theRequestsDueInAWindow_addUpToRateTimesDuration() {
    RateSchedule s = new RateSchedule(START, 16, 1000);
    long end = START + 20 * SECOND;
    long total = 0;
    for (int i = 0; i < 16; i++) {
      total += s.countBefore(i, end);
    }

    assertThat(total).isEqualTo(20_000);
    assertThat(s.countBefore(0, end)).isEqualTo(1250);
    assertThat(s.sendTime(0, s.countBefore(0, end))).isGreaterThanOrEqualTo(end);
    assertThat(s.sendTime(0, s.countBefore(0, end) - 1)).isLessThan(end);
  }

  @Test
  void nothingIsDue_beforeTheStart() {
    RateSchedule s = new RateSchedule(START, 4, 1000);

    assertThat(s.countBefore(2, START)).isZero();
    assertThat(s.countBefore(0, START - 1)).isZero();
    assertThat(s.countBefore(0, START + 1)).isEqualTo(1);
  }

  @Test
  void aScheduleWithoutConnectionsOrRate_isRefused() {
    assertThatThrownBy(() -> new RateSchedule(START, 0, 1000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RateSchedule(START, 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RateSchedule(START, 2, 10).sendTime(2, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
