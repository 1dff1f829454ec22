package com.sovereignstamp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplianceBenchTest {

  @Test
  void twoSides_alternateWhichGoesFirst() {
    assertThat(ApplianceBench.rotation(0, 2)).containsExactly(0, 1);
    assertThat(ApplianceBench.rotation(1, 2)).containsExactly(1, 0);
    assertThat(ApplianceBench.rotation(2, 2)).containsExactly(0, 1);
  }

  @Test
  void threeSides_takeTurnsAtGoingFirst_eachMeasuredOncePerRound() {
    assertThat(ApplianceBench.rotation(0, 3)).containsExactly(0, 1, 2);
    assertThat(ApplianceBench.rotation(1, 3)).containsExactly(1, 2, 0);
    assertThat(ApplianceBench.rotation(2, 3)).containsExactly(2, 0, 1);
    assertThat(ApplianceBench.rotation(3, 3)).containsExactly(0, 1, 2);
    List<Integer> firsts = new ArrayList<>();
    for (int round = 0; round < 12; round++) {
      firsts.add(ApplianceBench.rotation(round, 3).get(0));
    }
    assertThat(firsts).filteredOn(i -> i == 0).hasSize(4);
    assertThat(firsts).filteredOn(i -> i == 1).hasSize(4);
    assertThat(firsts).filteredOn(i -> i == 2).hasSize(4);
  }
}
