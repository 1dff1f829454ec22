package com.sovereignstamp.bridge.application;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One log line per call: request id, operation, key, credential, client subject, asserted
 * principal, outcome, latency and, for refusals, the internal reason. Never plaintext, AAD,
 * ciphertext or secrets. Successful calls log at FINE, refusals at INFO.
 */
final class CallLog {
  private static final Logger LOG = Logger.getLogger("com.sovereignstamp.bridge.calls");

  void record(CallRecord r, long nanos) {
    Level level = "ok".equals(r.outcome) ? Level.FINE : Level.INFO;
    if (!LOG.isLoggable(level)) {
      return;
    }
    StringBuilder sb = new StringBuilder(200);
    sb.append("xks op=").append(r.operation);
    r.metadata.ifPresent(
        md -> {
          sb.append(" kmsRequestId=").append(md.kmsRequestId());
          sb.append(" kmsOperation=").append(md.kmsOperation());
          md.awsPrincipalArn().ifPresent(p -> sb.append(" principal=").append(p));
        });
    if (!r.keyId.isEmpty()) {
      sb.append(" key=").append(r.keyId);
    }
    if (r.caller != null) {
      sb.append(" accessKeyId=").append(r.caller.accessKeyId());
      r.caller.subject().ifPresent(s -> sb.append(" subject=\"").append(s.getName()).append('"'));
    }
    sb.append(" outcome=").append(r.outcome);
    if (!r.detail.isEmpty()) {
      sb.append(" reason=\"").append(r.detail).append('"');
    }
    sb.append(" micros=").append(nanos / 1000);
    LOG.log(level, sb.toString());
  }
}
