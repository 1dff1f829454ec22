package com.sovereignstamp.bridge.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.canonical.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditTrailTest {
  private static final Instant T0 = Instant.parse("2026-11-28T10:00:05Z");

  /** An in-memory log that can be made to fail; like AuditLog, unwritable until a commit works. */
  private static final class MemoryLog implements AuditTrail.Log {
    final List<String> entries = new ArrayList<>();
    boolean failing;
    boolean lastCommitFailed;

    @Override
    public void append(JsonObject entry) {
      lastCommitFailed = failing;
      if (failing) {
        throw new IllegalStateException("commit failed");
      }
      entries.add(CanonicalJson.serializeToString(entry));
    }

    @Override
    public boolean isWritable() {
      return !lastCommitFailed;
    }
  }

  private static final class MutableClock extends Clock {
    Instant now = T0;

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MemoryLog log = new MemoryLog();
  private final MutableClock clock = new MutableClock();
  private final AuditTrail trail = new AuditTrail(log, clock, Duration.ofMinutes(1));

  private static AuditedCall call(String operation, String credential, String outcome) {
    return new AuditedCall(
        "req-" + operation,
        T0,
        "xks",
        operation,
        "/demo",
        "cmk-1",
        credential,
        "CN=stamp-appliance",
        "arn:aws:iam::1:user/a",
        "kms-1",
        "Decrypt",
        outcome,
        outcome.equals("ok") ? "" : "not in key store",
        123);
  }

  @Test
  void aKeyOperation_isItsOwnEntry_withWhoWhatOutcomeAndLatency() {
    trail.record(call("decrypt", "AKID1", "ok"));
    assertThat(log.entries).hasSize(1);
    assertThat(log.entries.get(0))
        .contains(
            "\"type\":\"call\"",
            "\"operation\":\"decrypt\"",
            "\"credential\":\"AKID1\"",
            "\"clientSubject\":\"CN=stamp-appliance\"",
            "\"principal\":\"arn:aws:iam::1:user/a\"",
            "\"kmsRequestId\":\"kms-1\"",
            "\"keyStore\":\"/demo\"",
            "\"key\":\"cmk-1\"",
            "\"outcome\":\"ok\"",
            "\"latencyMicros\":123",
            "\"requestId\":\"req-decrypt\"");
  }

  @Test
  void aFailedRead_isItsOwnEntry() {
    trail.record(call("metadata", "AKID1", "KeyNotFoundException"));
    assertThat(log.entries).singleElement().asString().contains("\"reason\":\"not in key store\"");
  }

  @Test
  void successfulReads_areCountedPerCallerPerWindow_andWrittenOnceTheWindowCloses() {
    for (int i = 0; i < 240; i++) { // a client polling four times a second for a minute
      trail.record(call("health", "AKID1", "ok"));
    }
    trail.record(call("metadata", "AKID1", "ok"));
    trail.record(call("metadata", "AKID2", "ok"));
    assertThat(log.entries).isEmpty();
    assertThat(trail.flushReads(false)).isZero(); // the window is still open
    clock.now = T0.plusSeconds(60);
    assertThat(trail.flushReads(false)).isEqualTo(3);
    assertThat(log.entries)
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("\"type\":\"reads\"", "\"operation\":\"health\"", "\"count\":240")
                    .contains(
                        "\"from\":\"2026-11-28T10:00:00Z\"", "\"to\":\"2026-11-28T10:01:00Z\""))
        .anySatisfy(e -> assertThat(e).contains("\"credential\":\"AKID2\"", "\"count\":1"));
    assertThat(trail.pendingReads()).isZero();
  }

  @Test
  void aLogThatCannotRecord_failsTheCall() {
    log.failing = true;
    log.lastCommitFailed = true;
    assertThatThrownBy(() -> trail.record(call("encrypt", "AKID1", "ok")))
        .isInstanceOf(AuditUnavailableException.class);
  }

  @Test
  void whileTheLogIsFailing_readsAreRecordedOneByOne_soTheyFailToo() {
    log.failing = true;
    log.lastCommitFailed = true;
    assertThatThrownBy(() -> trail.record(call("health", "AKID1", "ok")))
        .isInstanceOf(AuditUnavailableException.class);
    log.failing = false;
    trail.record(call("health", "AKID1", "ok"));
    assertThat(log.entries).singleElement().asString().contains("\"type\":\"call\"");
  }

  @Test
  void countsThatCannotBeWritten_areKeptForTheNextFlush() {
    trail.record(call("health", "AKID1", "ok"));
    trail.record(call("health", "AKID1", "ok"));
    clock.now = T0.plusSeconds(120);
    log.failing = true;
    assertThatThrownBy(() -> trail.flushReads(false)).isInstanceOf(AuditUnavailableException.class);
    assertThat(trail.pendingReads()).isEqualTo(2);
    log.failing = false;
    trail.flushReads(false);
    assertThat(log.entries).singleElement().asString().contains("\"count\":2");
  }

  @Test
  void events_recordWhatChanged() {
    trail.event("keystores.reloaded", Map.of("file", "keystores.json"));
    assertThat(log.entries)
        .singleElement()
        .asString()
        .contains(
            "\"type\":\"event\"",
            "\"event\":\"keystores.reloaded\"",
            "\"file\":\"keystores.json\"");
  }
}
