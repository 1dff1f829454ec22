package com.sovereignstamp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

  @Test
  void percentilesOfOneToHundred_areTheNearestRankValues() {
    long[] values = LongStream.rangeClosed(1, 100).toArray();

    LatencySummary s = LatencySummary.of(values, 0);

    assertThat(s.count()).isEqualTo(100);
    assertThat(s.p50()).isEqualTo(50);
    assertThat(s.p99()).isEqualTo(99);
    assertThat(s.p999()).isEqualTo(100);
    assertThat(s.max()).isEqualTo(100);
  }

  @Test
  void unsortedInput_isSortedBeforeRanking_andLeftUntouched() {
    long[] values = {900, 100, 500, 300, 700};

    LatencySummary s = LatencySummary.of(values, 0);

    assertThat(s.p50()).isEqualTo(500);
    assertThat(s.max()).isEqualTo(900);
    assertThat(values).containsExactly(900, 100, 500, 300, 700);
  }

  @Test
  void aPercentile_isAlwaysOneOfTheMeasuredValues() {
    long[] sorted = {10, 20, 30};

    assertThat(LatencySummary.percentile(sorted, 1)).isEqualTo(10);
    assertThat(LatencySummary.percentile(sorted, 34)).isEqualTo(20);
    assertThat(LatencySummary.percentile(sorted, 66.7)).isEqualTo(30);
    assertThat(LatencySummary.percentile(sorted, 100)).isEqualTo(30);
  }

  @Test
  void p99OfThousandValues_isTheNineHundredNinetiethValue() {
    long[] values = LongStream.rangeClosed(1, 1000).toArray();

    assertThat(LatencySummary.percentile(values, 99)).isEqualTo(990);
    assertThat(LatencySummary.percentile(values, 99.9)).isEqualTo(999);
  }

  @Test
  void oneValue_isEveryPercentile() {
    LatencySummary s = LatencySummary.of(new long[] {42}, 0);

    assertThat(s.p50()).isEqualTo(42);
    assertThat(s.p99()).isEqualTo(42);
    assertThat(s.max()).isEqualTo(42);
  }

  @Test
  void noValues_giveAnEmptySummary() {
    LatencySummary s = LatencySummary.of(new long[0], 250);

    assertThat(s.count()).isZero();
    assertThat(s.max()).isZero();
    assertThat(s.overLimit()).isZero();
  }

  @Test
  void valuesAboveTheLimit_areCounted_butOnesEqualToItAreNot() {
    long[] values = {100, 250, 250, 251, 900};

    assertThat(LatencySummary.of(values, 250).overLimit()).isEqualTo(2);
    assertThat(LatencySummary.of(values, 1000).overLimit()).isZero();
    assertThat(LatencySummary.of(values, 0).overLimit()).isEqualTo(5);
  }

  @Test
  void aPercentileOutsideZeroToHundred_isRefused() {
    assertThatThrownBy(() -> LatencySummary.percentile(new long[] {1}, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LatencySummary.percentile(new long[] {1}, 100.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LatencySummary.percentile(new long[0], 50))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void recordersOfSeveralThreads_mergeIntoOneSet() {
    LatencyRecorder a = new LatencyRecorder();
    LatencyRecorder b = new LatencyRecorder();
    for (int i = 0; i < 20_000; i++) {
      a.add(i);
    }
    b.add(-1);

    long[] all = LatencyRecorder.merge(java.util.List.of(a, b));

    assertThat(all).hasSize(20_001);
    assertThat(LatencySummary.of(all, 0).max()).isEqualTo(19_999);
  }
}
