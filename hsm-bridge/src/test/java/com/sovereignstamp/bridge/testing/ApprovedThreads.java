package com.sovereignstamp.bridge.testing;

import java.util.concurrent.Callable;
import org.bouncycastle.crypto.CryptoServicesRegistrar;

/**
 * Bouncy Castle FIPS's approved-only mode belongs to a thread, and keys made in an approved-only
 * thread are refused in any other ("No access to key in current thread"): work handed to a pool
 * must put its thread in that mode first.
 */
public final class ApprovedThreads {
  private ApprovedThreads() {}

  public static <T> Callable<T> approved(Callable<T> work) {
    return () -> {
      CryptoServicesRegistrar.setApprovedOnlyMode(true);
      return work.call();
    };
  }
}
