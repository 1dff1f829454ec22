package com.sovereignstamp.appliance.bridge;

import com.sovereignstamp.appliance.keys.KeyServiceException;
import com.sovereignstamp.appliance.keys.KeyServiceException.Reason;
import com.sovereignstamp.appliance.keys.KeyWrapper;
import com.sovereignstamp.appliance.keys.WrappedKey;
import com.sovereignstamp.appliance.mode.KeyState;
import com.sovereignstamp.appliance.mode.KeyStatusSource;
import com.sovereignstamp.appliance.mode.KeyWatchAnswer;
import com.sovereignstamp.xks.client.KeyMetadata;
import com.sovereignstamp.xks.client.RequestMetadata;
import com.sovereignstamp.xks.client.XksClient;
import com.sovereignstamp.xks.client.XksException;
import com.sovereignstamp.xks.client.XksRawResponse;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * The customer key's state from the bridge: its watch ({@code POST /bridge/watch}, signed like an
 * XKS call, docs/hsm-bridge.md "Watch"), its XKS key metadata, and a test wrap and unwrap. The
 * watch runs on a client of its own whose timeout covers the time the bridge holds the watch.
 */
public final class XksKeyStatusSource implements KeyStatusSource {
  private static final JsonProvider JSON = JsonProvider.provider();
  private static final int PROBE_SIZE = 32;

  private final XksClient watchClient;
  private final XksClient client;
  private final KeyWrapper wrapper;
  private final String keyStore;
  private final String keyId;
  private final RequestMetadata describe;
  private final byte[] probeAad;
  private final SecureRandom random;

  /**
   * @param watchClient a client whose request timeout is longer than any watch wait asked for
   * @param client the data path's client (short timeout, retries, circuit breaker)
   * @param wrapper wraps and unwraps with the customer's key through {@code client}
   * @param keyStore the key store's URI prefix at the bridge ({@code stamp.bridge.uri-prefix})
   * @param probeContext names the probe's AAD (the stamp's id)
   */
  public XksKeyStatusSource(
      XksClient watchClient,
      XksClient client,
      KeyWrapper wrapper,
      String keyStore,
      String principalArn,
      String probeContext,
      SecureRandom random) {
    this.watchClient = watchClient;
    this.client = client;
    this.wrapper = wrapper;
    this.keyStore = keyStore;
    this.keyId = wrapper.cmkKeyId();
    this.describe =
        RequestMetadata.defaults()
            .withAwsPrincipalArn(principalArn)
            .withKmsOperation("DescribeKey");
    this.probeAad = ("sovereign-stamp/mode-probe/" + probeContext).getBytes(StandardCharsets.UTF_8);
    this.random = random;
  }

  @Override
  public KeyWatchAnswer watch(long sinceVersion, Duration wait) {
    String body =
        JSON.createObjectBuilder()
            .add("keyStore", keyStore)
            .add("keys", JSON.createArrayBuilder().add(keyId))
            .add("since", sinceVersion)
            .add("waitMillis", wait.toMillis())
            .build()
            .toString();
    XksRawResponse r;
    try {
      r =
          watchClient.send(
              "POST", "/bridge/watch", Map.of(), body.getBytes(StandardCharsets.UTF_8), true);
    } catch (XksException e) {
      throw XksKeyWrapper.translate(e);
    }
    return switch (r.status()) {
      case 200 -> parse(r.bodyText());
      case 401, 403 ->
          throw new KeyServiceException(
              Reason.REFUSED,
              "the bridge refused this stamp's watch (HTTP " + r.status() + ")",
              null);
      case 502, 503, 504 ->
          throw new KeyServiceException(
              Reason.UNREACHABLE, "the bridge's watch answered HTTP " + r.status(), null);
      default ->
          throw new KeyServiceException(
              Reason.FAILED, "the bridge's watch answered HTTP " + r.status(), null);
    };
  }

  /** Reads the watch's answer for this stamp's key. */
  KeyWatchAnswer parse(String text) {
    try {
      JsonObject o = JSON.createReader(new StringReader(text)).readObject();
      long version = o.getJsonNumber("version").longValueExact();
      for (JsonValue v : o.getJsonArray("keys")) {
        JsonObject k = v.asJsonObject();
        if (keyId.equals(k.getString("keyId"))) {
          return new KeyWatchAnswer(version, state(k));
        }
      }
      throw new KeyServiceException(
          Reason.FAILED, "the bridge's watch answer does not describe the key", null);
    } catch (JsonException | ClassCastException | NullPointerException | ArithmeticException e) {
      throw new KeyServiceException(
          Reason.FAILED, "the bridge's watch answer cannot be read", null);
    }
  }

  private static KeyState state(JsonObject k) {
    String status = ((JsonString) k.get("status")).getString();
    return switch (status) {
      case "ENABLED" -> granted(k.getJsonArray("uses")) ? KeyState.ENABLED : KeyState.NOT_GRANTED;
      case "UNKNOWN" -> KeyState.NOT_FOUND;
      default -> KeyState.DISABLED;
    };
  }

  /** The stamp can read only while it may decrypt (unwrap) with the key. */
  private static boolean granted(JsonArray uses) {
    for (JsonValue u : uses) {
      if (u instanceof JsonString s && s.getString().equals("decrypt")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public KeyState describe() {
    KeyMetadata m;
    try {
      m = client.metadata(keyId, describe);
    } catch (XksException e) {
      throw XksKeyWrapper.translate(e);
    }
    return m.enabled() ? KeyState.ENABLED : KeyState.DISABLED;
  }

  @Override
  public void probe() {
    byte[] value = new byte[PROBE_SIZE];
    random.nextBytes(value);
    byte[] back = null;
    try {
      WrappedKey wrapped = wrapper.wrap(value, probeAad);
      back = wrapper.unwrap(wrapped, probeAad);
      if (!MessageDigest.isEqual(value, back)) {
        throw new KeyServiceException(
            Reason.FAILED, "the test unwrap did not give back the wrapped value", null);
      }
    } finally {
      Arrays.fill(value, (byte) 0);
      if (back != null) {
        Arrays.fill(back, (byte) 0);
      }
    }
  }
}
