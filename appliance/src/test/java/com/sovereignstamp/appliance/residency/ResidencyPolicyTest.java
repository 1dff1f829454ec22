package com.sovereignstamp.appliance.residency;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which destinations the policy lets out: as given, as resolved, by port, region and purpose. */
class ResidencyPolicyTest {
  static final String POLICY =
      """
      {"region": "eu-de",
       "egressAllowlist": [
         {"host": "127.0.0.1/32", "region": "eu-de"},
         {"host": "10.20.0.0/16", "port": 5432, "region": "eu-de"},
         {"host": "10.20.1.0/24", "port": 8443, "region": "eu-de"},
         {"host": "2001:db8:de::/48", "region": "eu-de"},
         {"host": "bridge.eu-de.internal", "port": 8443, "region": "eu-de"},
         {"host": "db.eu-de.internal", "region": "eu-de"},
         {"host": "dr.eu-fr.internal", "region": "eu-fr"},
         {"host": "10.30.0.0/16", "region": "eu-fr"}]}
      """;

  final List<String> lookedUp = new ArrayList<>();
  final Map<String, List<String>> dns =
      Map.of(
          "bridge.eu-de.internal", List.of("10.20.1.1", "2001:db8:de::5"),
          "db.eu-de.internal", List.of("10.20.2.2", "192.0.2.99"),
          "dr.eu-fr.internal", List.of("10.30.0.9"),
          "elsewhere.example", List.of("10.20.1.1"));
  final AddressResolver resolver =
      name -> {
        lookedUp.add(name);
        List<String> found = dns.get(name);
        if (found == null) {
          throw new UnknownHostException(name);
        }
        return found.stream().map(a -> IpLiterals.parse(a).orElseThrow()).toList();
      };

  EgressDecision decide(String json, String host, int port, EgressPurpose purpose)
      throws Exception {
    return ResidencyPolicyReader.read(json).decide(new Destination(host, port), purpose, resolver);
  }

  EgressDecision decide(String host, int port, EgressPurpose purpose) throws Exception {
    return decide(POLICY, host, port, purpose);
  }

  @Test
  void anAddressInsideAnAllowlistedBlock_isAllowed() throws Exception {
    assertThat(decide("127.0.0.1", 8443, EgressPurpose.BRIDGE).allowed()).isTrue();
    assertThat(decide("10.20.9.9", 5432, EgressPurpose.DATABASE).allowed()).isTrue();
    assertThat(decide("[2001:db8:de::1]", 443, EgressPurpose.IDENTITY_PROVIDER).allowed()).isTrue();
    assertThat(lookedUp).isEmpty();
  }

  @Test
  void anAddressOutsideEveryBlock_isRefused() throws Exception {
    assertThat(decide("192.0.2.1", 443, EgressPurpose.BRIDGE).refusal())
        .contains("192.0.2.1:443 is not in the egress allowlist");
  }

  @Test
  void anotherPortThanTheEntryAllows_isRefused() throws Exception {
    assertThat(decide("10.20.9.9", 22, EgressPurpose.DATABASE).refusal())
        .contains("10.20.9.9:22 is not in the egress allowlist");
  }

  @Test
  void aNameWhoseEveryAddressIsAllowlisted_isAllowed() throws Exception {
    assertThat(decide("Bridge.EU-DE.internal.", 8443, EgressPurpose.BRIDGE).allowed()).isTrue();
    assertThat(lookedUp).containsExactly("bridge.eu-de.internal");
  }

  @Test
  void aNameNotInTheAllowlist_isRefusedWithoutLookingItUp() throws Exception {
    assertThat(decide("elsewhere.example", 5432, EgressPurpose.DATABASE).refusal())
        .contains("elsewhere.example:5432 is not in the egress allowlist");
    assertThat(lookedUp).isEmpty();
  }

  @Test
  void anAllowlistedNameWithOneAddressOutside_isRefused() throws Exception {
    assertThat(decide("db.eu-de.internal", 5432, EgressPurpose.DATABASE).refusal())
        .contains(
            "db.eu-de.internal resolves to 192.0.2.99, which is not in the egress allowlist for"
                + " port 5432");
  }

  @Test
  void anAllowlistedNameResolvingIntoABlockOfAnotherPort_isRefused() throws Exception {
    // bridge.eu-de.internal is allowed by name on 8443 only
    assertThat(decide("bridge.eu-de.internal", 5432, EgressPurpose.BRIDGE).refusal())
        .contains("bridge.eu-de.internal:5432 is not in the egress allowlist");
  }

  @Test
  void anAllowlistedNameThatDoesNotResolve_isRefused() throws Exception {
    String json =
        """
        {"region": "eu-de",
         "egressAllowlist": [{"host": "gone.eu-de.internal", "region": "eu-de"}]}
        """;

    assertThat(decide(json, "gone.eu-de.internal", 443, EgressPurpose.BRIDGE).refusal())
        .contains("gone.eu-de.internal does not resolve, so where it leads cannot be checked");
  }

  @Test
  void aDestinationOfAnotherRegion_isRefusedForEveryPurposeButDisasterRecovery() throws Exception {
    assertThat(decide("10.30.1.1", 443, EgressPurpose.BRIDGE).refusal())
        .contains(
            "10.30.1.1:443 is allowlisted for region eu-fr, not this stamp's region eu-de (only"
                + " disaster recovery may cross regions)");
    assertThat(decide("dr.eu-fr.internal", 443, EgressPurpose.DATABASE).refusal())
        .contains(
            "dr.eu-fr.internal:443 is allowlisted for region eu-fr, not this stamp's region eu-de"
                + " (only disaster recovery may cross regions)");
  }

  @Test
  void crossRegionDisasterRecovery_isRefusedByDefault() throws Exception {
    assertThat(decide("dr.eu-fr.internal", 443, EgressPurpose.DISASTER_RECOVERY).refusal())
        .contains(
            "dr.eu-fr.internal:443 is allowlisted for region eu-fr, not this stamp's region eu-de"
                + " (the policy does not allow cross-region disaster recovery)");
  }

  @Test
  void crossRegionDisasterRecovery_whenAllowed_letsOnlyDisasterRecoveryOut() throws Exception {
    String json =
        POLICY.replace(
            "{\"region\": \"eu-de\",",
            "{\"region\": \"eu-de\", \"crossRegionDisasterRecovery\": true,");

    assertThat(decide(json, "dr.eu-fr.internal", 443, EgressPurpose.DISASTER_RECOVERY).allowed())
        .isTrue();
    assertThat(decide(json, "dr.eu-fr.internal", 443, EgressPurpose.BRIDGE).allowed()).isFalse();
  }

  @Test
  void aNameInTheRegionResolvingIntoAnotherRegionsBlock_isRefused() throws Exception {
    String json =
        """
        {"region": "eu-de",
         "egressAllowlist": [
           {"host": "sneaky.eu-de.internal", "region": "eu-de"},
           {"host": "10.30.0.0/16", "region": "eu-fr"}]}
        """;
    AddressResolver toFrance = name -> List.of(InetAddress.getByAddress(new byte[] {10, 30, 0, 1}));

    assertThat(
            ResidencyPolicyReader.read(json)
                .decide(
                    new Destination("sneaky.eu-de.internal", 443), EgressPurpose.BRIDGE, toFrance)
                .refusal())
        .contains(
            "sneaky.eu-de.internal resolves to 10.30.0.1, which is allowlisted for region eu-fr,"
                + " not this stamp's region eu-de (only disaster recovery may cross regions)");
  }
}
