package com.sovereignstamp.appliance.residency;

import com.sovereignstamp.appliance.storage.Classification;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads the residency policy file (JSON; docs/appliance.md "Residency policy") and checks it,
 * collecting every mistake with where it is ({@code egressAllowlist[2].host}) and what is wrong.
 */
public final class ResidencyPolicyReader {
  static final String REGION = "region";
  static final String DEGRADED = "degradedModeServes";
  static final String EGRESS = "egressAllowlist";
  static final String CROSS_REGION_DR = "crossRegionDisasterRecovery";
  private static final List<String> KEYS = List.of(REGION, DEGRADED, EGRESS, CROSS_REGION_DR);
  private static final List<String> ENTRY_KEYS = List.of("host", "port", "region", "description");
  private static final JsonProvider JSON = JsonProvider.provider();
  private static final BigDecimal MAX_PORT = BigDecimal.valueOf(65535);

  private final List<String> mistakes = new ArrayList<>();

  private ResidencyPolicyReader() {}

  /**
   * @throws InvalidResidencyPolicyException naming every mistake found
   */
  public static ResidencyPolicy read(String json) throws InvalidResidencyPolicyException {
    return new ResidencyPolicyReader().policy(json);
  }

  private ResidencyPolicy policy(String json) throws InvalidResidencyPolicyException {
    JsonObject o;
    try {
      o = JSON.createReader(new StringReader(json)).readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new InvalidResidencyPolicyException(
          List.of("the file is not a JSON object: " + e.getMessage()));
    }
    unknownKeys(o, KEYS, "");
    String region = region(o.get(REGION));
    Set<Classification> degraded = degradedModeServes(o.get(DEGRADED));
    List<EgressRule> allowlist = allowlist(o.get(EGRESS));
    boolean crossRegion = crossRegionDisasterRecovery(o.get(CROSS_REGION_DR));
    if (!mistakes.isEmpty()) {
      throw new InvalidResidencyPolicyException(mistakes);
    }
    return new ResidencyPolicy(region, degraded, new EgressAllowlist(allowlist), crossRegion);
  }

  private String region(JsonValue v) {
    if (v == null) {
      mistakes.add(REGION + ": missing; name the stamp's residency region, e.g. \"eu-de\"");
      return null;
    }
    return regionName(v, REGION);
  }

  private String regionName(JsonValue v, String where) {
    if (!(v instanceof JsonString s)) {
      mistakes.add(where + ": must be a string");
      return null;
    }
    if (!StampIdentity.isRegion(s.getString())) {
      mistakes.add(
          where
              + ": \""
              + s.getString()
              + "\" is not a region ("
              + StampIdentity.REGION_RULE
              + ")");
      return null;
    }
    return s.getString();
  }

  private Set<Classification> degradedModeServes(JsonValue v) {
    if (v == null) {
      return ResidencyPolicy.DEFAULT_SERVED_WHILE_DEGRADED;
    }
    if (!(v instanceof JsonArray list)) {
      mistakes.add(
          DEGRADED + ": must be a list of classifications, e.g. [\"standard\"] ([] for none)");
      return Set.of();
    }
    Set<Classification> out = EnumSet.noneOf(Classification.class);
    for (int i = 0; i < list.size(); i++) {
      String where = DEGRADED + "[" + i + "]";
      Optional<Classification> c = classification(list.get(i), where);
      if (c.isPresent() && !out.add(c.get())) {
        mistakes.add(where + ": \"" + c.get().wireName() + "\" is listed twice");
      }
    }
    return out;
  }

  private Optional<Classification> classification(JsonValue v, String where) {
    if (v instanceof JsonString s) {
      for (Classification c : Classification.values()) {
        if (c.wireName().equals(s.getString())) {
          return Optional.of(c);
        }
      }
    }
    mistakes.add(where + ": " + v + " is not a classification (\"standard\" or \"critical\")");
    return Optional.empty();
  }

  private boolean crossRegionDisasterRecovery(JsonValue v) {
    if (v == null) {
      return false;
    }
    if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
      mistakes.add(CROSS_REGION_DR + ": must be true or false (default false)");
      return false;
    }
    return v == JsonValue.TRUE;
  }

  private List<EgressRule> allowlist(JsonValue v) {
    if (v == null) {
      mistakes.add(EGRESS + ": missing; list every destination the stamp may reach ([] for none)");
      return List.of();
    }
    if (!(v instanceof JsonArray list)) {
      mistakes.add(EGRESS + ": must be a list of {\"host\", \"port\", \"region\"} entries");
      return List.of();
    }
    List<EgressRule> rules = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String where = EGRESS + "[" + i + "]";
      entry(list.get(i), where)
          .ifPresent(
              rule -> {
                String key = rule.host() + " " + rule.port();
                Integer first = seen.putIfAbsent(key, rules.size());
                if (first != null) {
                  mistakes.add(where + ": the same host and port as " + EGRESS + "[" + first + "]");
                }
                rules.add(rule);
              });
    }
    return rules;
  }

  private Optional<EgressRule> entry(JsonValue v, String where) {
    if (!(v instanceof JsonObject o)) {
      mistakes.add(where + ": must be an object {\"host\", \"port\", \"region\", \"description\"}");
      return Optional.empty();
    }
    int before = mistakes.size();
    unknownKeys(o, ENTRY_KEYS, where + ".");
    EgressHost host = host(o.get("host"), where + ".host");
    OptionalInt port = port(o.get("port"), where + ".port");
    String region = null;
    if (o.get("region") == null) {
      mistakes.add(where + ".region: missing; tag every entry with the region it is in");
    } else {
      region = regionName(o.get("region"), where + ".region");
    }
    JsonValue description = o.get("description");
    if (description != null && !(description instanceof JsonString)) {
      mistakes.add(where + ".description: must be a string");
    }
    if (mistakes.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new EgressRule(
            host, port, region, description == null ? "" : ((JsonString) description).getString()));
  }

  private EgressHost host(JsonValue v, String where) {
    if (v == null) {
      mistakes.add(where + ": missing; a host name, an IP address or a CIDR block");
      return null;
    }
    if (!(v instanceof JsonString s)) {
      mistakes.add(where + ": must be a string");
      return null;
    }
    try {
      return EgressHost.parse(s.getString());
    } catch (IllegalArgumentException e) {
      mistakes.add(where + ": " + e.getMessage());
      return null;
    }
  }

  private OptionalInt port(JsonValue v, String where) {
    if (v == null) {
      return OptionalInt.empty();
    }
    if (v instanceof JsonNumber n
        && n.isIntegral()
        && n.bigDecimalValue().compareTo(BigDecimal.ONE) >= 0
        && n.bigDecimalValue().compareTo(MAX_PORT) <= 0) {
      return OptionalInt.of(n.intValue());
    }
    mistakes.add(where + ": " + v + " is not a port number (1-65535; leave it out for any port)");
    return OptionalInt.empty();
  }

  private void unknownKeys(JsonObject o, List<String> known, String prefix) {
    for (String key : o.keySet()) {
      if (!known.contains(key)) {
        mistakes.add(prefix + key + ": unknown key (known: " + String.join(", ", known) + ")");
      }
    }
  }
}
