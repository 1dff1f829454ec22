package com.sovereignstamp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApplianceReportTest {
  private static final ApplianceStatus BEFORE = new ApplianceStatus(1, 1, "PT1M", 600);

  private static ApplianceRun run(long apiPut, long apiGet, ApplianceStatus after) {
    return run(
        List.of(
            ComparedPointTest.side("api", "PUT", 4, 1, apiPut),
            ComparedPointTest.side("baseline", "PUT", 4, 1, 1000),
            ComparedPointTest.side("baseline", "GET", 4, 1, 1000),
            ComparedPointTest.side("api", "GET", 4, 1, apiGet)),
        "baseline",
        after);
  }

  /** The API against both baselines: bare 1000 ok, token-checked 600 (PUT) and 700 (GET). */
  private static ApplianceRun threeSides() {
    return run(
        List.of(
            ComparedPointTest.side("api", "PUT", 4, 1, 900),
            ComparedPointTest.side("baseline", "PUT", 4, 1, 1000),
            ComparedPointTest.side("baseline-token", "PUT", 4, 1, 600),
            ComparedPointTest.side("baseline", "GET", 4, 1, 1000),
            ComparedPointTest.side("baseline-token", "GET", 4, 1, 700),
            ComparedPointTest.side("api", "GET", 4, 1, 800)),
        "baseline",
        BEFORE);
  }

  private static ApplianceRun run(
      List<SidePoint> points, String largeBaseline, ApplianceStatus after) {
    return new ApplianceRun(
        List.of("a note"),
        points,
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
                largeBaseline,
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
    List<Goal> goals = ApplianceReport.goals(run(850, 840, BEFORE));

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
    assertThat(md).contains("## Small documents, closed loop: API / bare baseline");
    assertThat(md).contains("| PUT 4 KiB | 4 | 90 | 100 | **0.90** (0.90) |");
    assertThat(md).contains("| upload | 8.00 | 4.00 | **2.00** | 134 | 268 | 700 / 720 |");
    assertThat(md).contains("1 unwraps at the bridge during the 130 s matrix");
    assertThat(md).contains("1400 audit entries added");
    assertThat(md).contains("## Goals");
  }

  @Test
  void withTheBareBaselineOnly_thereIsOneRatioTable_andNoTokenCheckedRows() {
    String md = ApplianceReport.render(run(900, 950, BEFORE));

    assertThat(md.split("## Small documents", -1)).hasSize(2);
    assertThat(md).doesNotContain("token-checked").doesNotContain("same token check");
    assertThat(ApplianceReport.goals(run(900, 950, BEFORE))).hasSize(3);
  }

  @Test
  void withBothBaselines_theReportHasThreeRatioTables_eachOverItsOwnDenominator() {
    String md = ApplianceReport.render(threeSides());

    int bare = md.indexOf("## Small documents, closed loop: API / bare baseline");
    int token = md.indexOf("## Small documents, closed loop: API / token-checked baseline");
    int check = md.indexOf("## Small documents, closed loop: token-checked / bare baseline");
    assertThat(bare).isPositive().isLessThan(token);
    assertThat(token).isLessThan(check);
    // API 90 req/s over the bare 100, over the token-checked 60; the token check alone 60 / 100
    assertThat(md.substring(bare, token))
        .contains("| PUT 4 KiB | 4 | 90 | 100 | **0.90** (0.90) |");
    assertThat(md.substring(token, check))
        .contains("| API req/s | Token-checked baseline req/s | **API / token-checked baseline**")
        .contains("| PUT 4 KiB | 4 | 90 | 60 | **1.50** (1.50) |")
        .contains("| GET 4 KiB | 4 | 80 | 70 | **1.14** (1.14) |");
    // one core busy: 1000 / 60 ms of server CPU per token-checked request, 10 per bare one
    assertThat(md.substring(check))
        .contains("| Token-checked baseline req/s | Bare baseline req/s |")
        .contains("| PUT 4 KiB | 4 | 60 | 100 | **0.60** (0.60) |")
        .contains("| 16.67 / 10.00 |");
    assertThat(md).contains("| Direction | API time (s) | Bare baseline time (s) |");
  }

  @Test
  void withBothBaselines_theGoalsJudgeTheApiAgainstEach_theBareOneFirst() {
    List<Goal> goals = ApplianceReport.goals(threeSides());

    assertThat(goals).hasSize(5);
    assertThat(goals.get(0).goal()).startsWith("PUT 4 KiB").contains("the bare JAX-RS + JPA");
    assertThat(goals.get(1).goal()).startsWith("GET 4 KiB").contains("the bare JAX-RS + JPA");
    assertThat(goals.get(1).measured()).isEqualTo("0.80 at 4 connections");
    assertThat(goals.get(1).met()).isFalse();
    assertThat(goals.get(2).goal()).startsWith("PUT 4 KiB").contains("the same token check");
    assertThat(goals.get(3).goal()).startsWith("GET 4 KiB").contains("the same token check");
    assertThat(goals.get(3).measured()).isEqualTo("1.14 at 4 connections");
    assertThat(goals.get(3).met()).isTrue();
    assertThat(goals.get(4).goal()).startsWith("The DEK stays cached");
  }

  @Test
  void withTheTokenCheckedBaselineOnly_theApiIsComparedWithIt_andTheReportSaysSo() {
    ApplianceRun run =
        run(
            List.of(
                ComparedPointTest.side("api", "PUT", 4, 1, 900),
                ComparedPointTest.side("baseline-token", "PUT", 4, 1, 600)),
            "baseline-token",
            BEFORE);

    String md = ApplianceReport.render(run);

    assertThat(md.split("## Small documents", -1)).hasSize(2);
    assertThat(md).contains("## Small documents, closed loop: API / token-checked baseline");
    assertThat(md).contains("/baseline/authenticated/documents/{id}");
    assertThat(md).contains("| PUT 4 KiB | 4 | 90 | 60 | **1.50** (1.50) |");
    assertThat(md).contains("| Direction | API time (s) | Token-checked baseline time (s) |");
    assertThat(md).contains("| upload | 8.00 | 4.00 | **2.00** |");
    assertThat(md).doesNotContain("bare JAX-RS + JPA endpoint");
    List<Goal> goals = ApplianceReport.goals(run);
    assertThat(goals).hasSize(2);
    assertThat(goals.get(0).goal()).contains("the same token check");
  }

  private static Goal goalOfCache(ApplianceRun run) {
    List<Goal> goals = ApplianceReport.goals(run);
    return goals.get(goals.size() - 1);
  }
}
