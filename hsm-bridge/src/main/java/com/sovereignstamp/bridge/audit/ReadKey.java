package com.sovereignstamp.bridge.audit;

import java.util.Comparator;

/** Whose reads of what, in which window: the reads one {@code reads} entry counts. */
record ReadKey(
    long window,
    String api,
    String operation,
    String keyStore,
    String key,
    String credential,
    String clientSubject,
    String principal) {

  static final Comparator<ReadKey> ORDER =
      Comparator.comparingLong(ReadKey::window)
          .thenComparing(ReadKey::api)
          .thenComparing(ReadKey::operation)
          .thenComparing(ReadKey::keyStore)
          .thenComparing(ReadKey::key)
          .thenComparing(ReadKey::credential)
          .thenComparing(ReadKey::clientSubject)
          .thenComparing(ReadKey::principal);

  static ReadKey of(long window, AuditedCall c) {
    return new ReadKey(
        window,
        c.api(),
        c.operation(),
        c.keyStore(),
        c.key(),
        c.credential(),
        c.clientSubject(),
        c.principal());
  }
}
