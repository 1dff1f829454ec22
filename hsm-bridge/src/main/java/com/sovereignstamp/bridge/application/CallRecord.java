package com.sovereignstamp.bridge.application;

import com.sovereignstamp.bridge.auth.Caller;
import com.sovereignstamp.bridge.xks.RequestMetadata;
import java.util.Optional;

/** What is known about a call as it is handled, for its log line and metrics. */
final class CallRecord {
  String operation = "unknown";
  String keyId = "";
  Caller caller;
  Optional<RequestMetadata> metadata = Optional.empty();
  String outcome = "InternalException";
  String detail = "";
}
