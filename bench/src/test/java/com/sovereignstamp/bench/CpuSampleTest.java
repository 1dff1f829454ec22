package com.sovereignstamp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CpuSampleTest {

  @Test
  void theMachineLine_splitsIntoBusyAndTotalTicks() {
    String stat = "cpu  100 5 50 800 20 3 2 10 0 0\ncpu0 50 2 25 400 10 1 1 5 0 0\nintr 1 2 3\n";

    long[] m = CpuSample.machine(stat);

    assertThat(m[0]).isEqualTo(100 + 5 + 50 + 3 + 2 + 10);
    assertThat(m[1]).isEqualTo(m[0] + 800 + 20);
  }

  @Test
  void aProcessLine_givesUserPlusSystemTicks_evenWithSpacesInTheName() {
    String stat = "4242 (java (bridge) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0";

    assertThat(CpuSample.process(stat)).isEqualTo(1234 + 567);
  }

  @Test
  void twoSamples_giveCoresPerProcess_andTheRestAsOther() {
    CpuSample before = new CpuSample(2, 1000, 4000, 100, 200);
    CpuSample after = new CpuSample(2, 1150, 4200, 125, 300);

    CpuUsage u = after.since(before);

    assertThat(u.machine()).isCloseTo(1.5, within(1e-9));
    assertThat(u.driver()).isCloseTo(0.25, within(1e-9));
    assertThat(u.bridge()).isCloseTo(1.0, within(1e-9));
    assertThat(u.other()).isCloseTo(0.25, within(1e-9));
  }
}
