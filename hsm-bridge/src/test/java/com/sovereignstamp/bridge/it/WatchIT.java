package com.sovereignstamp.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.canonical.JsonArray;
import com.sovereignstamp.audit.canonical.JsonNumber;
import com.sovereignstamp.audit.canonical.JsonObject;
import com.sovereignstamp.audit.canonical.JsonString;
import com.sovereignstamp.bridge.policy.KeyRef;
import com.sovereignstamp.xks.client.XksClient;
import com.sovereignstamp.xks.client.XksRawResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The watch (a client's long poll on its keys and grants) against a real bridge: it answers as soon
 * as the policy changes — before the officer's revoke call has returned — otherwise after the wait,
 * and only to a caller with a valid signature.
 */
class WatchIT {
  private static BridgeInstance bridge;
  private static OfficerClient one;
  private static OfficerClient two;
  private static XksClient client;
  private static KeyRef key;

  @BeforeAll
  static void start() throws Exception {
    bridge = BridgeInstance.create("watch", Map.of("BRIDGE_BACKEND", "pkcs11"));
    bridge.start();
    one = new OfficerClient(bridge, 1);
    two = new OfficerClient(bridge, 2);
    client = bridge.client(Duration.ofSeconds(30));
    key = new KeyRef(bridge.env("XKS_URI_PREFIX"), bridge.env("XKS_KEY_ID"));
  }

  @AfterAll
  static void everyCallIsRecorded() throws Exception {
    client.close();
    AuditCoverage.everyCallIsRecordedAfterStop(bridge);
  }

  /** One watch: the answer's status, version and the key's status and uses. */
  record Seen(int status, long version, String keyStatus, List<String> uses, long answeredAt) {}

  static Seen watch(XksClient c, long since, long waitMillis) {
    byte[] body =
        CanonicalJson.serialize(
            CanonicalJson.object()
                .put("keyStore", key.keyStore())
                .put("keys", CanonicalJson.array().add(key.keyId()))
                .put("since", since)
                .put("waitMillis", waitMillis)
                .build());
    XksRawResponse r = c.send("POST", "/bridge/watch", Map.of(), body, true);
    long at = System.nanoTime();
    if (r.status() != 200) {
      return new Seen(r.status(), -1, "", List.of(), at);
    }
    JsonObject o = (JsonObject) CanonicalJson.parse(r.bodyText().getBytes(StandardCharsets.UTF_8));
    JsonObject k = (JsonObject) ((JsonArray) o.get("keys")).elements().get(0);
    return new Seen(
        200,
        (long) ((JsonNumber) o.get("version")).value(),
        ((JsonString) k.get("status")).value(),
        ((JsonArray) k.get("uses")).elements().stream().map(v -> ((JsonString) v).value()).toList(),
        at);
  }

  @Test
  void aWatchAnswersAtOnceWhenItsVersionIsOld_andAfterTheWaitWhenNothingChanged() {
    Seen now = watch(client, -1, 5_000);
    assertThat(now.keyStatus()).isEqualTo("ENABLED");
    assertThat(now.uses()).containsExactlyInAnyOrder("decrypt", "encrypt", "metadata");

    long start = System.nanoTime();
    Seen unchanged = watch(client, now.version(), 700);
    long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(unchanged.version()).isEqualTo(now.version());
    assertThat(took).isBetween(600L, 10_000L);
  }

  @Test
  void aWatcherLearnsOfARevocation_noLaterThanTheOfficerLearnsItWasDone() throws Exception {
    for (int trial = 0; trial < 5; trial++) {
      long version = watch(client, -1, 1_000).version();
      CompletableFuture<Seen> watching =
          CompletableFuture.supplyAsync(() -> watch(client, version, 20_000));
      Thread.sleep(200); // the watch is held open at the bridge
      assertThat(watching).isNotDone();

      assertThat(one.revoke(key).status()).isEqualTo(200);
      long revokeReturned = System.nanoTime();

      Seen seen = watching.get(10, TimeUnit.SECONDS);
      assertThat(seen.keyStatus()).isEqualTo("REVOKED");
      assertThat(seen.version()).isGreaterThan(version);
      assertThat(TimeUnit.NANOSECONDS.toMillis(seen.answeredAt() - revokeReturned))
          .as("answered within 1 s of the revoke call returning (the benchmark measures it)")
          .isLessThan(1_000);

      assertThat(
              one.reinstate(key, List.of(one.approveReinstate(key), two.approveReinstate(key)))
                  .status())
          .isEqualTo(200);
    }
  }

  @Test
  void aWithdrawnGrant_showsInTheWatchersUses() throws Exception {
    String credential = bridge.env("XKS_SECOND_ACCESS_KEY_ID");
    try (XksClient second =
        bridge.client(
            credential,
            bridge.env("XKS_SECOND_SECRET_ACCESS_KEY"),
            "XKS_CLIENT",
            Duration.ofSeconds(30),
            java.time.Clock.systemUTC())) {
      long version = watch(second, -1, 1_000).version();
      CompletableFuture<Seen> watching =
          CompletableFuture.supplyAsync(() -> watch(second, version, 20_000));
      Thread.sleep(200);
      assertThat(one.withdraw(key, credential, TestCredentials.APPLIANCE_SUBJECT).status())
          .isEqualTo(200);
      Seen seen = watching.get(10, TimeUnit.SECONDS);
      assertThat(seen.keyStatus()).isEqualTo("ENABLED");
      assertThat(seen.uses()).isEmpty();
    }
  }

  @Test
  void anUnsignedWatch_isRefused() {
    XksRawResponse r =
        client.send(
            "POST",
            "/bridge/watch",
            Map.of(),
            ("{\"keyStore\":\"" + key.keyStore() + "\",\"keys\":[\"" + key.keyId() + "\"]}")
                .getBytes(StandardCharsets.UTF_8),
            false);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.bodyText()).contains("problems/watch/authentication-failed");
  }
}
