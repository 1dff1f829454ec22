package com.sovereignstamp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApplianceReportTest {
  private static final ApplianceStatus BEFORE = new ApplianceStatus(1, 1, "PT1M", 600);

  private static ApplianceRun run(long apiPut, long apiGet, ApplianceStatus after) {
    return new ApplianceRun(
        List.of("a note"),
        List.of(
            ComparedPointTest.side("api", "PUT", 4, 1, apiPut),
            ComparedPointTest.side("baseline", "PUT", 4, 1, 1000),
            ComparedPointTest.side("baseline", "GET", 4, 1, 1000),
            ComparedPointTest.side("api", "GET", 4, 1, apiGet)),
        java.time.Duration.ofSeconds(10),
        130,
        BEFORE,
        after,
        List.of(
            new LargeTransfer.Result(
                "api",
                "upload",
                1L << 30,
                8_000_000_000L,
                201,
                true,
                new ResidentSetSampler.Peak(600 * 1024, 700 * 1024)),
            new LargeTransfer.Result(
                "baseline",
                "upload",
                1L << 30,
                4_000_000_000L,
                201,
                true,
                new ResidentSetSampler.Peak(700 * 1024, 720 * 1024))),
        1L << 30,
        Optional.empty(),
        "none");
  }

  @Test
  void atOrAbove085_theThroughputGoalIsMet_belowItNot() {
    List<Goal> goals =
        ApplianceReport.goals(
            ComparedPoint.of(run(850, 840, BEFORE).points()), run(850, 840, BEFORE));

    assertThat(goals.get(0).goal()).startsWith("PUT 4 KiB");
    assertThat(goals.get(0).met()).isTrue();
    assertThat(goals.get(1).goal()).startsWith("GET 4 KiB");
    assertThat(goals.get(1).met()).isFalse();
    assertThat(goals.get(1).measured()).isEqualTo("0.84 at 4 connections");
  }

  @Test
  void backgroundRefreshesWithinTheSoftTtl_keepTheCacheGoal_moreUnwrapsBreakIt() {
    // 130 s with a 60 s soft TTL: at most 3 refreshes of the one cached key
    assertThat(ApplianceReport.allowedRefreshes(BEFORE, 130)).isEqualTo(3);
    ApplianceStatus refreshed = new ApplianceStatus(1, 4, "PT1M", 900);
    ApplianceStatus missed = new ApplianceStatus(1, 200, "PT1M", 900);

    assertThat(goalOfCache(run(900, 900, refreshed)).met()).isTrue();
    assertThat(goalOfCache(run(900, 900, missed)).met()).isFalse();
  }

  @Test
  void theReport_givesTheRatios_theLargeTransfers_andTheGoals() {
    String md = ApplianceReport.render(run(900, 950, new ApplianceStatus(1, 2, "PT1M", 2000)));

    assertThat(md).contains("- a note");
    assertThat(md).contains("| PUT 4 KiB | 4 | 90 | 100 | **0.90** (0.90) |");
    assertThat(md).contains("| upload | 8.00 | 4.00 | **2.00** | 134 | 268 | 700 / 720 |");
    assertThat(md).contains("1 unwraps at the bridge during the 130 s matrix");
    assertThat(md).contains("1400 audit entries added");
    assertThat(md).contains("## Goals");
  }

  private static Goal goalOfCache(ApplianceRun run) {
    List<Goal> goals = ApplianceReport.goals(ComparedPoint.of(run.points()), run);
    return goals.get(goals.size() - 1);
  }
}
