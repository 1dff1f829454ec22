package com.sovereignstamp.appliance.residency;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StampIdentityTest {
  private final StampIdentity stamp = new StampIdentity("stamp-1", "eu-de");

  @Test
  void theInstalledRegionIsAccepted() {
    assertThatCode(() -> stamp.requireInstalledRegion("eu-de")).doesNotThrowAnyException();
  }

  @Test
  void anotherInstalledRegionIsRefusedNamingBoth() {
    assertThatThrownBy(() -> stamp.requireInstalledRegion("eu-fr"))
        .isInstanceOf(RegionChangedException.class)
        .hasMessageContaining("fixed at install")
        .hasMessageContaining("installed for region \"eu-fr\"")
        .hasMessageContaining("configuration names region \"eu-de\"");
  }
}
