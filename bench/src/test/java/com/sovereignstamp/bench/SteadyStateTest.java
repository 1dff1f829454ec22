package com.sovereignstamp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SteadyStateTest {
  private static final double TOLERANCE = 0.08;

  private static List<double[]> rounds(double[]... rounds) {
    return List.of(rounds);
  }

  @Test
  void fewerThanFourRounds_areNeverSteady() {
    assertThat(
            SteadyState.reached(
                rounds(new double[] {1000}, new double[] {1000}, new double[] {1000}), TOLERANCE))
        .isFalse();
  }

  @Test
  void twoPairsOfRoundsWithTheSameMean_areSteady_evenIfSingleRoundsJitter() {
    List<double[]> r =
        rounds(
            new double[] {0.62, 3000},
            new double[] {0.72, 3200},
            new double[] {0.60, 3300},
            new double[] {0.70, 2950});

    assertThat(SteadyState.reached(r, TOLERANCE)).isTrue();
  }

  @Test
  void oneWorkloadStillImproving_isNotSteady() {
    List<double[]> r =
        rounds(
            new double[] {2.9, 3000},
            new double[] {2.1, 3000},
            new double[] {1.4, 3000},
            new double[] {0.7, 3000});

    assertThat(SteadyState.reached(r, TOLERANCE)).isFalse();
  }

  @Test
  void onlyTheLastFourRoundsCount() {
    List<double[]> r =
        rounds(
            new double[] {15.0},
            new double[] {4.0},
            new double[] {0.66},
            new double[] {0.60},
            new double[] {0.62},
            new double[] {0.63});

    assertThat(SteadyState.reached(r, TOLERANCE)).isTrue();
  }

  @Test
  void aWorkloadWithoutAnyFigure_isNotSteady() {
    List<double[]> r =
        rounds(new double[] {0, 1}, new double[] {0, 1}, new double[] {0, 1}, new double[] {0, 1});

    assertThat(SteadyState.reached(r, TOLERANCE)).isFalse();
  }
}
