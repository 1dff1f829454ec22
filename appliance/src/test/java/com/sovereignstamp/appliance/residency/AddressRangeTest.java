package com.sovereignstamp.appliance.residency;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Address blocks and the literals they are written with, read without any name lookup. */
class AddressRangeTest {
  @ParameterizedTest
  @CsvSource({
    "10.20.0.0/16, 10.20.255.7, true",
    "10.20.0.0/16, 10.21.0.1, false",
    "192.0.2.7, 192.0.2.7, true",
    "192.0.2.7, 192.0.2.8, false",
    "2001:db8::/32, 2001:db8:ffff::1, true",
    "2001:db8::/32, 2001:db9::1, false",
    "::1, ::1, true",
    "::ffff:10.0.0.0/8, 10.1.2.3, true",
    "127.0.0.1/32, ::1, false",
    "::1/128, 127.0.0.1, false"
  })
  void aBlock_holdsItsAddressesOnly(String block, String address, boolean held) {
    InetAddress a = IpLiterals.parse(address).orElseThrow();

    assertThat(AddressRange.parse(block).contains(a)).isEqualTo(held);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.1",
        "010.0.0.1",
        "10.0.0",
        "10.0.0.0.1",
        "1::2::3",
        "1:2:3:4:5:6:7:8:9",
        ":1:2",
        "fe80::1%eth0",
        "g::1",
        "::ffff:10.0.0.256",
        "localhost"
      })
  void notAnAddressLiteral_isNotReadAsOne(String text) {
    assertThat(IpLiterals.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "0:0:0:0:0:0:0:1, ::1",
    "2001:DB8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "2001:db8::, 2001:db8::",
    "1:0:2:3:4:5:6:7, 1:0:2:3:4:5:6:7",
    "::ffff:192.0.2.1, 192.0.2.1",
    "64:ff9b::192.0.2.33, 64:ff9b::c000:221"
  })
  void addresses_arePrintedInTheirCanonicalText(String written, String canonical) {
    assertThat(IpLiterals.text(IpLiterals.parse(written).orElseThrow())).isEqualTo(canonical);
  }

  @Test
  void aSingleAddress_isABlockOfOne() {
    assertThat(AddressRange.parse("192.0.2.7").prefixLength()).isEqualTo(32);
    assertThat(AddressRange.parse("2001:db8::7").prefixLength()).isEqualTo(128);
  }
}
