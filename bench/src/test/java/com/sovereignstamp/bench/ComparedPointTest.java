package com.sovereignstamp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ComparedPointTest {
  static PointResult point(String scenario, int connections, long ok, double cpuCores) {
    return new PointResult(
        scenario,
        "4 KiB",
        connections,
        10_000_000_000L,
        ok,
        LatencySummary.of(new long[] {1_000_000, 2_000_000}, 0),
        new ErrorCounts(),
        connections,
        Optional.of(new CpuUsage(cpuCores + 0.2, 0.2, cpuCores, 0)),
        0);
  }

  static SidePoint side(String side, String op, int connections, int repeat, long ok) {
    return new SidePoint(
        side, op, repeat, point(side + " " + op, connections, ok, 1.0), OptionalLong.of(ok * 2));
  }

  @Test
  void pointsAreGroupedByOperationAndConnections_inTheOrderFirstMeasured() {
    List<ComparedPoint> c =
        ComparedPoint.of(
            List.of(
                side("api", "PUT", 1, 1, 100),
                side("baseline", "PUT", 1, 1, 200),
                side("baseline", "PUT", 1, 2, 200),
                side("api", "PUT", 1, 2, 100),
                side("api", "GET", 1, 1, 300),
                side("baseline", "GET", 1, 1, 300),
                side("api", "PUT", 4, 1, 100),
                side("baseline", "PUT", 4, 1, 100)),
            "api",
            "baseline");

    assertThat(c).extracting(ComparedPoint::operation).containsExactly("PUT", "GET", "PUT");
    assertThat(c).extracting(ComparedPoint::connections).containsExactly(1, 1, 4);
    assertThat(c.get(0).sidePoints()).hasSize(2);
    assertThat(c.get(0).baselinePoints()).hasSize(2);
  }

  @Test
  void theRatio_isTheApisMeanThroughputOverTheBaselines_andEachRepeatIsPairedByNumber() {
    ComparedPoint c =
        ComparedPoint.of(
                List.of(
                    side("baseline", "PUT", 4, 2, 1000),
                    side("api", "PUT", 4, 1, 900),
                    side("baseline", "PUT", 4, 1, 1000),
                    side("api", "PUT", 4, 2, 700)),
                "api",
                "baseline")
            .get(0);

    assertThat(c.sideThroughput()).isCloseTo(80, within(1e-9));
    assertThat(c.baselineThroughput()).isCloseTo(100, within(1e-9));
    assertThat(c.ratio()).hasValueSatisfying(r -> assertThat(r).isCloseTo(0.8, within(1e-9)));
    assertThat(c.repeatRatios()).containsExactly(0.9, 0.7);
  }

  @Test
  void withThreeSides_eachPairingTakesItsTwoSidesByName_andLeavesTheThirdOut() {
    List<SidePoint> points =
        List.of(
            side("api", "GET", 4, 1, 800),
            side("baseline", "GET", 4, 1, 1000),
            side("baseline-token", "GET", 4, 1, 500),
            side("baseline-token", "GET", 4, 2, 700),
            side("api", "GET", 4, 2, 600),
            side("baseline", "GET", 4, 2, 1000));

    ComparedPoint apiOverToken = ComparedPoint.of(points, "api", "baseline-token").get(0);
    ComparedPoint tokenOverBare = ComparedPoint.of(points, "baseline-token", "baseline").get(0);

    assertThat(apiOverToken.side()).isEqualTo("api");
    assertThat(apiOverToken.baselineSide()).isEqualTo("baseline-token");
    assertThat(apiOverToken.repeatRatios()).containsExactly(1.6, 600.0 / 700);
    assertThat(apiOverToken.ratio())
        .hasValueSatisfying(r -> assertThat(r).isCloseTo(70.0 / 60, within(1e-9)));
    assertThat(tokenOverBare.repeatRatios()).containsExactly(0.5, 0.7);
    assertThat(tokenOverBare.ratio())
        .hasValueSatisfying(r -> assertThat(r).isCloseTo(0.6, within(1e-9)));
  }

  @Test
  void withoutASuccessfulRequestOnEitherSide_thereIsNoRatio() {
    ComparedPoint c =
        ComparedPoint.of(
                List.of(side("api", "GET", 1, 1, 0), side("baseline", "GET", 1, 1, 50)),
                "api",
                "baseline")
            .get(0);

    assertThat(c.ratio()).isEmpty();
  }

  @Test
  void serverCpuPerRequest_isTheServersCoresOverTheThroughput() {
    // 1 core busy at 100 req/s = 10 ms of CPU per request
    assertThat(ComparedPoint.serverCpuPerRequest(List.of(point("api PUT", 1, 1000, 1.0))))
        .hasValueSatisfying(v -> assertThat(v).isCloseTo(10.0, within(1e-9)));
  }
}
