package com.sovereignstamp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WatchReportTest {
  private static final long MS = 1_000_000;

  @Test
  void spread_takesNearestRankPercentiles_ofNegativeValuesToo() {
    long[] values = new long[100];
    for (int i = 0; i < 100; i++) {
      values[i] = (i - 50) * MS; // -50 ms … 49 ms
    }
    Spread s = Spread.of(values);
    assertThat(s.count()).isEqualTo(100);
    assertThat(s.min()).isEqualTo(-50 * MS);
    assertThat(s.p50()).isEqualTo(-1 * MS); // the 50th value
    assertThat(s.p90()).isEqualTo(39 * MS);
    assertThat(s.p99()).isEqualTo(48 * MS);
    assertThat(s.max()).isEqualTo(49 * MS);
    assertThat(values[0]).as("input untouched").isEqualTo(-50 * MS);
  }

  @Test
  void spread_ofNothing_isZeros() {
    assertThat(Spread.of(new long[0])).isEqualTo(new Spread(0, 0, 0, 0, 0, 0));
  }

  @Test
  void aTrial_measuresFromTheRevokeCallsReturnAndSend() {
    WatchTrial t = new WatchTrial(1_000, 5_000, 4_000);
    assertThat(t.afterReturn()).isEqualTo(-1_000);
    assertThat(t.afterSend()).isEqualTo(3_000);
    assertThat(t.revokeRoundTrip()).isEqualTo(4_000);
    assertThatThrownBy(() -> new WatchTrial(5, 4, 6)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theGoal_isP99OfTheDelayAfterTheRevokeReturned() {
    List<WatchTrial> trials = new ArrayList<>();
    for (int i = 0; i < 99; i++) {
      trials.add(new WatchTrial(0, 10 * MS, 9 * MS)); // answered 1 ms before the return
    }
    trials.add(new WatchTrial(0, 10 * MS, 500 * MS)); // one slow: p100 only
    WatchReport met = new WatchReport(trials, new long[] {2 * MS, 2 * MS, 4 * MS}, 100 * MS);
    assertThat(met.afterReturn().p99()).isEqualTo(-1 * MS);
    assertThat(met.answeredBeforeReturn()).isEqualTo(99);
    assertThat(met.goalMet()).isTrue();

    trials.add(new WatchTrial(0, 10 * MS, 500 * MS)); // two of 101: now in p99
    WatchReport missed = new WatchReport(trials, new long[] {2 * MS}, 100 * MS);
    assertThat(missed.goalMet()).isFalse();
    assertThat(new WatchReport(List.of(), new long[0], 100 * MS).goalMet()).isFalse();
  }

  @Test
  void theReport_showsTheRatioOfTheNotificationDelayToTheBaseline() {
    List<WatchTrial> trials = List.of(new WatchTrial(0, 6 * MS, 5 * MS));
    WatchReport r = new WatchReport(trials, new long[] {2 * MS}, 100 * MS);
    String md = r.render("T", List.of("note"), Optional.empty());
    assertThat(md)
        .startsWith("# T\n\n- note\n")
        .contains("| (a) watch answer − revoke call returned | 1 | -1.00 | -1.00 | -1.00 | -1.00 |")
        .contains("| (b) notification delay / metadata round trip | 2.50 | 2.50 | 2.50 | 2.50 |")
        .contains("| revoke round trip / metadata round trip | 3.00 |")
        .contains("in 1 of 1 trials")
        .contains("| p99 -1.00 ms, max -1.00 ms over 1 trials | yes |");
    assertThat(WatchReport.ratio(1, 0)).isEmpty();
  }
}
