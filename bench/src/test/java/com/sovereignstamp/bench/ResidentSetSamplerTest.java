package com.sovereignstamp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ResidentSetSamplerTest {
  @Test
  void theResidentSet_isTheVmRssLine_inKib() {
    String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  812345 kB\nVmRSS:\t  801234 kB\n";

    assertThat(ResidentSetSampler.vmRssKib(status)).hasValue(801234);
    assertThat(ResidentSetSampler.vmRssKib("Name:\tkthreadd\n")).isEmpty();
  }

  @Test
  void thisProcess_hasAKnownResidentSet_noPidNone() throws Exception {
    ResidentSetSampler own =
        ResidentSetSampler.start(OptionalLong.of(ProcessHandle.current().pid()));
    Thread.sleep(120);
    ResidentSetSampler.Peak peak = own.stop();

    assertThat(peak.known()).isTrue();
    assertThat(peak.peakKib()).isGreaterThanOrEqualTo(peak.startKib()).isPositive();
    assertThat(ResidentSetSampler.start(OptionalLong.empty()).stop().known()).isFalse();
  }
}
