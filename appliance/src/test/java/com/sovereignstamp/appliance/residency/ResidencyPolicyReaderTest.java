package com.sovereignstamp.appliance.residency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.appliance.storage.Classification;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The policy file: what a valid one gives, and one message per mistake, all at once. */
class ResidencyPolicyReaderTest {
  @Test
  void aFullPolicy_isReadAsWritten() throws Exception {
    ResidencyPolicy p =
        ResidencyPolicyReader.read(
            """
            {"region": "eu-de",
             "degradedModeServes": ["standard", "critical"],
             "crossRegionDisasterRecovery": true,
             "egressAllowlist": [
               {"host": "10.20.0.0/16", "port": 5432, "region": "eu-de", "description": "db"},
               {"host": "Bridge.EU-DE.internal.", "region": "eu-de"},
               {"host": "2001:db8:1::/48", "region": "eu-fr"}]}
            """);

    assertThat(p.region()).isEqualTo("eu-de");
    assertThat(p.servedWhileDegraded())
        .isEqualTo(Set.of(Classification.STANDARD, Classification.CRITICAL));
    assertThat(p.crossRegionDisasterRecovery()).isTrue();
    assertThat(p.egress().rules())
        .extracting(r -> r.host().toString(), EgressRule::port, EgressRule::region)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("10.20.0.0/16", OptionalInt.of(5432), "eu-de"),
            org.assertj.core.groups.Tuple.tuple(
                "bridge.eu-de.internal", OptionalInt.empty(), "eu-de"),
            org.assertj.core.groups.Tuple.tuple("2001:db8:1::/48", OptionalInt.empty(), "eu-fr"));
    assertThat(p.egress().rules().get(0).description()).isEqualTo("db");
  }

  @Test
  void leftOut_degradedModeServesStandardOnly_andDisasterRecoveryStaysInTheRegion()
      throws Exception {
    ResidencyPolicy p =
        ResidencyPolicyReader.read("{\"region\": \"eu-de\", \"egressAllowlist\": []}");

    assertThat(p.servedWhileDegraded()).containsExactly(Classification.STANDARD);
    assertThat(p.crossRegionDisasterRecovery()).isFalse();
    assertThat(p.egress().rules()).isEmpty();
  }

  @Test
  void anEmptyList_letsDegradedModeServeNothing() throws Exception {
    ResidencyPolicy p =
        ResidencyPolicyReader.read(
            "{\"region\": \"eu-de\", \"degradedModeServes\": [], \"egressAllowlist\": []}");

    assertThat(p.servedWhileDegraded()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          no region          | {"egressAllowlist": []}                                    | region: missing; name the stamp's residency region, e.g. "eu-de"
          bad region         | {"region": "EU DE", "egressAllowlist": []}                 | region: "EU DE" is not a region (1-32 of a-z, 0-9 and '-', starting with a letter or digit)
          region not text    | {"region": 49, "egressAllowlist": []}                      | region: must be a string
          unknown key        | {"region": "eu-de", "egressAllowlist": [], "regoin": "x"}  | regoin: unknown key (known: region, degradedModeServes, egressAllowlist, crossRegionDisasterRecovery)
          no allowlist       | {"region": "eu-de"}                                        | egressAllowlist: missing; list every destination the stamp may reach ([] for none)
          allowlist not list | {"region": "eu-de", "egressAllowlist": {}}                 | egressAllowlist: must be a list of {"host", "port", "region"} entries
          entry not object   | {"region": "eu-de", "egressAllowlist": ["10.0.0.0/8"]}     | egressAllowlist[0]: must be an object {"host", "port", "region", "description"}
          entry unknown key  | {"region": "eu-de", "egressAllowlist": [{"host": "::1", "region": "eu-de", "prot": 1}]} | egressAllowlist[0].prot: unknown key (known: host, port, region, description)
          no host            | {"region": "eu-de", "egressAllowlist": [{"region": "eu-de"}]} | egressAllowlist[0].host: missing; a host name, an IP address or a CIDR block
          bad host name      | {"region": "eu-de", "egressAllowlist": [{"host": "db_1.internal", "region": "eu-de"}]} | egressAllowlist[0].host: "db_1.internal" is not a host name, an IP address or a CIDR block
          wildcard           | {"region": "eu-de", "egressAllowlist": [{"host": "*.internal", "region": "eu-de"}]} | egressAllowlist[0].host: "*.internal" is not a host name, an IP address or a CIDR block
          short IPv4         | {"region": "eu-de", "egressAllowlist": [{"host": "127.1", "region": "eu-de"}]} | egressAllowlist[0].host: "127.1" is not a host name, an IP address or a CIDR block
          bad address        | {"region": "eu-de", "egressAllowlist": [{"host": "10.0.0.256/32", "region": "eu-de"}]} | egressAllowlist[0].host: "10.0.0.256/32": "10.0.0.256" is not an IPv4 or IPv6 address
          host bits set      | {"region": "eu-de", "egressAllowlist": [{"host": "10.1.2.3/16", "region": "eu-de"}]} | egressAllowlist[0].host: "10.1.2.3/16" has bits set after the prefix; the block is 10.1.0.0/16
          IPv6 host bits     | {"region": "eu-de", "egressAllowlist": [{"host": "2001:db8::1/32", "region": "eu-de"}]} | egressAllowlist[0].host: "2001:db8::1/32" has bits set after the prefix; the block is 2001:db8::/32
          IPv4 prefix long   | {"region": "eu-de", "egressAllowlist": [{"host": "10.0.0.0/33", "region": "eu-de"}]} | egressAllowlist[0].host: "10.0.0.0/33": the prefix length of an IPv4 block is 1-32
          IPv6 prefix long   | {"region": "eu-de", "egressAllowlist": [{"host": "::/129", "region": "eu-de"}]} | egressAllowlist[0].host: "::/129": the prefix length of an IPv6 block is 1-128
          every address      | {"region": "eu-de", "egressAllowlist": [{"host": "0.0.0.0/0", "region": "eu-de"}]} | egressAllowlist[0].host: "0.0.0.0/0" allows every address; list the blocks of the region instead
          port zero          | {"region": "eu-de", "egressAllowlist": [{"host": "::1", "port": 0, "region": "eu-de"}]} | egressAllowlist[0].port: 0 is not a port number (1-65535; leave it out for any port)
          port text          | {"region": "eu-de", "egressAllowlist": [{"host": "::1", "port": "443", "region": "eu-de"}]} | egressAllowlist[0].port: "443" is not a port number (1-65535; leave it out for any port)
          port huge          | {"region": "eu-de", "egressAllowlist": [{"host": "::1", "port": 1e30, "region": "eu-de"}]} | egressAllowlist[0].port: 1E+30 is not a port number (1-65535; leave it out for any port)
          entry no region    | {"region": "eu-de", "egressAllowlist": [{"host": "::1"}]}  | egressAllowlist[0].region: missing; tag every entry with the region it is in
          entry bad region   | {"region": "eu-de", "egressAllowlist": [{"host": "::1", "region": "EU"}]} | egressAllowlist[0].region: "EU" is not a region (1-32 of a-z, 0-9 and '-', starting with a letter or digit)
          description number | {"region": "eu-de", "egressAllowlist": [{"host": "::1", "region": "eu-de", "description": 1}]} | egressAllowlist[0].description: must be a string
          same entry twice   | {"region": "eu-de", "egressAllowlist": [{"host": "::1", "region": "eu-de"}, {"host": "0:0::1/128", "region": "eu-fr"}]} | egressAllowlist[1]: the same host and port as egressAllowlist[0]
          degraded not list  | {"region": "eu-de", "egressAllowlist": [], "degradedModeServes": "standard"} | degradedModeServes: must be a list of classifications, e.g. ["standard"] ([] for none)
          degraded unknown   | {"region": "eu-de", "egressAllowlist": [], "degradedModeServes": ["secret"]} | degradedModeServes[0]: "secret" is not a classification ("standard" or "critical")
          degraded twice     | {"region": "eu-de", "egressAllowlist": [], "degradedModeServes": ["standard", "standard"]} | degradedModeServes[1]: "standard" is listed twice
          DR not boolean     | {"region": "eu-de", "egressAllowlist": [], "crossRegionDisasterRecovery": "no"} | crossRegionDisasterRecovery: must be true or false (default false)
          """)
  void eachMistake_hasItsMessage(String mistake, String json, String message) {
    assertThatThrownBy(() -> ResidencyPolicyReader.read(json))
        .isInstanceOfSatisfying(
            InvalidResidencyPolicyException.class,
            e -> assertThat(e.mistakes()).as(mistake).containsExactly(message));
  }

  @Test
  void notJson_isOneMistake() {
    assertThatThrownBy(() -> ResidencyPolicyReader.read("region = eu-de"))
        .isInstanceOfSatisfying(
            InvalidResidencyPolicyException.class,
            e ->
                assertThat(e.mistakes())
                    .singleElement()
                    .asString()
                    .startsWith("the file is not a JSON object: "));
  }

  @Test
  void everyMistake_isReportedAtOnce() {
    assertThatThrownBy(
            () ->
                ResidencyPolicyReader.read(
                    """
                    {"degradedModeServes": ["secret"],
                     "egressAllowlist": [{"host": "10.0.0.0/33"}, {"host": "::1", "region": "eu-de"}]}
                    """))
        .isInstanceOfSatisfying(
            InvalidResidencyPolicyException.class,
            e ->
                assertThat(e.mistakes())
                    .isEqualTo(
                        List.of(
                            "region: missing; name the stamp's residency region, e.g. \"eu-de\"",
                            "degradedModeServes[0]: \"secret\" is not a classification"
                                + " (\"standard\" or \"critical\")",
                            "egressAllowlist[0].host: \"10.0.0.0/33\": the prefix length of an"
                                + " IPv4 block is 1-32",
                            "egressAllowlist[0].region: missing; tag every entry with the region"
                                + " it is in")));
  }
}
