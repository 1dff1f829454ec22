package com.sovereignstamp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GoalCheckTest {
  private static final long TEN_SECONDS = 10_000_000_000L;

  private static PointResult point(String scenario, int connections, long ok, long p99Millis) {
    long[] latencies = new long[100];
    java.util.Arrays.fill(latencies, p99Millis * 1_000_000);
    return new PointResult(
        scenario,
        "32 B",
        connections,
        TEN_SECONDS,
        ok,
        LatencySummary.of(latencies, 0),
        new ErrorCounts(),
        connections,
        Optional.empty(),
        0);
  }

  /** 999 quick answers and one that took {@code slowestMillis}. */
  private static OpenLoopResult openLoop(long slowestMillis) {
    long[] latencies = new long[1000];
    java.util.Arrays.fill(latencies, 5_000_000);
    latencies[999] = slowestMillis * 1_000_000;
    return new OpenLoopResult(
        "xks-decrypt",
        "32 B",
        16,
        1000,
        TEN_SECONDS,
        10_000,
        10_000,
        LatencySummary.of(latencies, 250_000_000),
        new ErrorCounts(),
        16,
        Optional.empty());
  }

  @Test
  void resultsMeetingEveryGoal_areAllMet() {
    List<PointResult> points =
        List.of(point("xks-decrypt", 16, 20_000, 20), point("baseline", 16, 30_000, 10));

    List<Goal> goals = GoalCheck.evaluate(points, Optional.of(openLoop(100)));

    assertThat(goals).hasSize(4).allSatisfy(g -> assertThat(g.met()).as(g.goal()).isTrue());
  }

  @Test
  void theRatio_isXksOverTheBaselineOfTheSamePayloadAndConnections() {
    PointResult xks = point("xks-decrypt", 4, 5_000, 5);
    List<PointResult> points =
        List.of(xks, point("baseline", 4, 10_000, 5), point("baseline", 16, 40_000, 5));

    assertThat(GoalCheck.ratio(points, xks)).hasValue(0.5);
  }

  @Test
  void tooFewDecrypts_aLowRatio_aSlowP99_andOneLateRequest_areEachMissed() {
    List<PointResult> points =
        List.of(point("xks-decrypt", 16, 10_000, 80), point("baseline", 16, 30_000, 10));

    List<Goal> goals = GoalCheck.evaluate(points, Optional.of(openLoop(300)));

    assertThat(goals).extracting(Goal::met).containsExactly(false, false, false, false);
    assertThat(goals.get(3).measured()).startsWith("1 of 10000 over 250 ms");
  }

  @Test
  void anErrorAtSixteenConnections_missesTheThroughputGoal_whateverTheRate() {
    PointResult withError = point("xks-decrypt", 16, 20_000, 20);
    withError.errors().add("HTTP 429 ThrottlingException");

    Goal throughput = GoalCheck.evaluate(List.of(withError), Optional.empty()).get(0);

    assertThat(throughput.met()).isFalse();
    assertThat(throughput.measured()).contains("1 errors");
  }
}
