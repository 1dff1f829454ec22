package com.sovereignstamp.bridge.audit;

import com.sovereignstamp.audit.canonical.CanonicalJson;
import com.sovereignstamp.audit.canonical.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records calls and state changes in the tamper-evident log.
 *
 * <p>A call that fails, or one that can change something (encrypt, decrypt, an admin action), is
 * its own entry, written before the caller gets an answer: {@link #record} returns only once the
 * entry is durable and throws {@link AuditUnavailableException} otherwise, so the call fails
 * instead of going unrecorded. A successful key-status read (XKS metadata and health, a metrics
 * scrape) is counted instead, per caller and operation and per {@code readWindow}, and the count is
 * written as one {@code reads} entry once the window has closed ({@link #flushReads}); so that
 * reads also stop while the log cannot be written, a read is refused when the log's last commit
 * failed.
 */
public final class AuditTrail {
  /** Where entries go: the durable log. */
  public interface Log {
    /** Returns once the entry is durable; throws if it is not. */
    void append(JsonObject entry);

    /** False while the log is known not to take entries (its last commit failed). */
    boolean isWritable();
  }

  /** Calls that change nothing and are counted rather than recorded one by one. */
  private static final Set<String> READS =
      Set.of("xks/metadata", "xks/health", "admin/metrics", "admin/policy.watch");

  private final Log log;
  private final Clock clock;
  private final long windowMillis;
  private final Map<ReadKey, ReadCount> reads = new ConcurrentHashMap<>();

  public AuditTrail(Log log, Clock clock, Duration readWindow) {
    this.log = log;
    this.clock = clock;
    this.windowMillis = readWindow.toMillis();
  }

  /** A trail that records nothing: benchmarks and demos with {@code bridge.audit.enabled=false}. */
  public static AuditTrail off() {
    return new AuditTrail(
        new Log() {
          @Override
          public void append(JsonObject entry) {}

          @Override
          public boolean isWritable() {
            return true;
          }
        },
        Clock.systemUTC(),
        Duration.ofMinutes(1));
  }

  /**
   * Records one call: durably, or counted when it is a successful read.
   *
   * @throws AuditUnavailableException if it cannot be recorded; the call must then fail
   */
  public void record(AuditedCall call) {
    if (call.succeeded()
        && READS.contains(call.api() + "/" + call.operation())
        && log.isWritable()) {
      long window = Math.floorDiv(call.at().toEpochMilli(), windowMillis) * windowMillis;
      reads.compute(
          ReadKey.of(window, call), (k, v) -> (v == null ? new ReadCount() : v).add(call));
      return;
    }
    append(callEntry(call));
  }

  /**
   * Records a change of the bridge's state (start, stop, key-store reload, HSM link lost or back, a
   * witnessed checkpoint, an alarm).
   *
   * @throws AuditUnavailableException if it cannot be recorded
   */
  public void event(String event, Map<String, String> details) {
    CanonicalJson.ObjectBuilder e =
        CanonicalJson.object()
            .put("type", "event")
            .put("v", 1)
            .put("time", clock.instant().toString())
            .put("event", event);
    CanonicalJson.ObjectBuilder d = CanonicalJson.object();
    details.forEach(d::put);
    append(e.put("details", d).build());
  }

  /**
   * Writes the counted reads: those of windows that have closed, or all of them. A count that
   * cannot be written is kept for the next flush.
   *
   * @return how many {@code reads} entries were written
   * @throws AuditUnavailableException if one of them could not be written
   */
  public int flushReads(boolean includeOpenWindow) {
    long openWindow = Math.floorDiv(clock.millis(), windowMillis) * windowMillis;
    List<ReadKey> due = new ArrayList<>();
    for (ReadKey k : reads.keySet()) {
      if (includeOpenWindow || k.window() < openWindow) {
        due.add(k);
      }
    }
    due.sort(ReadKey.ORDER);
    int written = 0;
    for (ReadKey k : due) {
      ReadCount c = reads.remove(k);
      if (c == null) {
        continue;
      }
      try {
        append(readsEntry(k, c));
        written++;
      } catch (AuditUnavailableException e) {
        reads.merge(k, c, ReadCount::merge);
        throw e;
      }
    }
    return written;
  }

  /** Reads counted but not yet written (for the shutdown log line and tests). */
  public long pendingReads() {
    return reads.values().stream().mapToLong(ReadCount::count).sum();
  }

  private void append(JsonObject entry) {
    try {
      log.append(entry);
    } catch (RuntimeException e) {
      throw new AuditUnavailableException("the audit entry was not recorded", e);
    }
  }

  private static JsonObject callEntry(AuditedCall c) {
    CanonicalJson.ObjectBuilder e =
        CanonicalJson.object()
            .put("type", "call")
            .put("v", 1)
            .put("time", c.at().toString())
            .put("requestId", c.requestId())
            .put("api", c.api())
            .put("operation", c.operation())
            .put("outcome", c.outcome())
            .put("latencyMicros", c.latencyMicros());
    optional(e, "keyStore", c.keyStore());
    optional(e, "key", c.key());
    optional(e, "credential", c.credential());
    optional(e, "clientSubject", c.clientSubject());
    optional(e, "principal", c.principal());
    optional(e, "kmsRequestId", c.kmsRequestId());
    optional(e, "kmsOperation", c.kmsOperation());
    optional(e, "reason", c.reason());
    return e.build();
  }

  private JsonObject readsEntry(ReadKey k, ReadCount c) {
    CanonicalJson.ObjectBuilder e =
        CanonicalJson.object()
            .put("type", "reads")
            .put("v", 1)
            .put("from", Instant.ofEpochMilli(k.window()).toString())
            .put("to", Instant.ofEpochMilli(k.window() + windowMillis).toString())
            .put("api", k.api())
            .put("operation", k.operation())
            .put("count", c.count())
            .put("latencyMicrosTotal", c.latencyMicrosTotal())
            .put("latencyMicrosMax", c.latencyMicrosMax());
    optional(e, "keyStore", k.keyStore());
    optional(e, "key", k.key());
    optional(e, "credential", k.credential());
    optional(e, "clientSubject", k.clientSubject());
    optional(e, "principal", k.principal());
    return e.build();
  }

  private static void optional(CanonicalJson.ObjectBuilder e, String name, String value) {
    if (!value.isEmpty()) {
      e.put(name, value);
    }
  }
}
