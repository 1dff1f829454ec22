package com.sovereignstamp.appliance.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovereignstamp.format.KeyMaterial;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DekCacheTest {
  static final Duration SOFT = Duration.ofSeconds(60);
  static final Duration HARD = Duration.ofSeconds(300);
  final AtomicLong now = new AtomicLong(1_000_000_000L);
  final List<Runnable> background = new ArrayList<>();
  final DekCache cache = new DekCache(new DekCacheSettings(SOFT, HARD), now::get, background::add);
  final KeyRef ref = new KeyRef(UUID.randomUUID(), KeyKind.DEK, 1);
  final AtomicInteger unwraps = new AtomicInteger();

  Supplier<byte[]> unwrap(byte fill) {
    return () -> {
      unwraps.incrementAndGet();
      byte[] k = new byte[32];
      java.util.Arrays.fill(k, fill);
      return k;
    };
  }

  void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }

  @Test
  void concurrentMissesUnwrapOnce() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Supplier<byte[]> slow =
        () -> {
          unwraps.incrementAndGet();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return new byte[32];
        };
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        results.add(
            pool.submit(
                () -> {
                  try (KeyLease lease = cache.lease(ref, slow)) {
                    return lease.key().length() == 32;
                  }
                }));
      }
      Thread.sleep(200);
      release.countDown();
      for (Future<Boolean> f : results) {
        assertThat(f.get(10, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(unwraps.get()).isEqualTo(1);
    assertThat(cache.unwraps()).isEqualTo(1);
  }

  @Test
  void afterTheSoftTtlTheKeyIsServedAndRefreshedInTheBackgroundOnce() {
    cache.lease(ref, unwrap((byte) 1)).close();
    advance(SOFT.plusSeconds(1));
    try (KeyLease a = cache.lease(ref, unwrap((byte) 2));
        KeyLease b = cache.lease(ref, unwrap((byte) 2))) {
      assertThat(a.key().isClosed()).isFalse();
      assertThat(b.key()).isSameAs(a.key());
    }
    assertThat(unwraps.get()).isEqualTo(1);
    assertThat(background).hasSize(1);
    background.get(0).run();
    assertThat(unwraps.get()).isEqualTo(2);
    cache.lease(ref, unwrap((byte) 3)).close();
    assertThat(unwraps.get()).isEqualTo(2);
  }

  @Test
  void pastTheHardTtlTheKeyIsNeverServedAndTheNextUseWaitsForAFreshUnwrap() {
    KeyMaterial first;
    try (KeyLease lease = cache.lease(ref, unwrap((byte) 1))) {
      first = lease.key();
    }
    advance(HARD);
    Supplier<byte[]> failing =
        () -> {
          throw new KeyServiceException(KeyServiceException.Reason.UNREACHABLE, "down", null);
        };
    assertThatThrownBy(() -> cache.lease(ref, failing)).isInstanceOf(KeyServiceException.class);
    assertThat(first.isClosed()).as("the expired key is zeroed").isTrue();
    try (KeyLease lease = cache.lease(ref, unwrap((byte) 2))) {
      assertThat(lease.key()).isNotSameAs(first);
    }
  }

  @Test
  void aFailedUnwrapIsNotCachedAndTheNextUseTriesAgain() {
    Supplier<byte[]> failing =
        () -> {
          unwraps.incrementAndGet();
          throw new KeyServiceException(KeyServiceException.Reason.REFUSED, "no", null);
        };
    assertThatThrownBy(() -> cache.lease(ref, failing)).isInstanceOf(KeyServiceException.class);
    try (KeyLease lease = cache.lease(ref, unwrap((byte) 1))) {
      assertThat(lease.key().isClosed()).isFalse();
    }
    assertThat(unwraps.get()).isEqualTo(2);
  }

  @Test
  void aPurgedKeyIsZeroedAsSoonAsItsLastLeaseCloses() {
    KeyLease held = cache.lease(ref, unwrap((byte) 7));
    KeyMaterial key = held.key();
    cache.purgeAll();
    assertThat(cache.size()).isZero();
    assertThat(key.isClosed()).as("still in use by a request").isFalse();
    held.close();
    assertThat(key.isClosed()).isTrue();
  }

  @Test
  void anIdleKeyIsZeroedAtOnceWhenPurged() {
    KeyMaterial key;
    try (KeyLease lease = cache.lease(ref, unwrap((byte) 7))) {
      key = lease.key();
    }
    cache.purgeAll();
    assertThat(key.isClosed()).isTrue();
  }

  @Test
  void theUnwrappedArrayIsZeroedAndNothingPrintsTheKey() {
    byte[] handedOver = new byte[32];
    java.util.Arrays.fill(handedOver, (byte) 0x5A);
    try (KeyLease lease = cache.lease(ref, () -> handedOver)) {
      assertThat(handedOver).containsOnly((byte) 0);
      assertThat(lease.toString()).doesNotContain("5A").contains("redacted");
      assertThat(lease.key().toString()).contains("redacted");
      assertThat(cache.toString()).contains("redacted");
    }
  }

  @Test
  void aClosedLeaseNoLongerGivesTheKey() {
    KeyLease lease = cache.lease(ref, unwrap((byte) 1));
    lease.close();
    lease.close();
    assertThatThrownBy(lease::key).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aCachedOnlyLeaseNeverUnwrapsAndEndsAtTheHardTtl() {
    assertThat(cache.leaseCached(ref)).isEmpty();
    cache.lease(ref, unwrap((byte) 1)).close();
    advance(SOFT.plusSeconds(1));
    try (KeyLease lease = cache.leaseCached(ref).orElseThrow()) {
      assertThat(lease.key().length()).isEqualTo(32);
    }
    assertThat(background).as("no refresh started from a cached-only lease").isEmpty();
    advance(HARD);
    assertThat(cache.leaseCached(ref)).isEmpty();
    assertThat(cache.inMemory()).as("the expired key was zeroed").isZero();
    assertThat(unwraps.get()).isEqualTo(1);
  }

  @Test
  void anUnwrapThatRacesAPurgeIsZeroedAndNotKept() throws Exception {
    CountDownLatch inUnwrap = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Supplier<byte[]> racing =
        () -> {
          inUnwrap.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return new byte[32];
        };
    ExecutorService one = Executors.newSingleThreadExecutor();
    try {
      Future<KeyLease> leased = one.submit(() -> cache.lease(ref, racing));
      assertThat(inUnwrap.await(10, TimeUnit.SECONDS)).isTrue();
      cache.purgeAll(); // the revocation arrives while the bridge is still answering
      release.countDown();
      assertThatThrownBy(() -> leased.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(KeyServiceException.class);
    } finally {
      one.shutdownNow();
    }
    assertThat(cache.size()).isZero();
    assertThat(cache.inMemory()).isZero();
  }

  @Test
  void keysInMemoryCountsLeasedKeysUntilTheyAreReleasedAfterAPurge() {
    KeyLease held = cache.lease(ref, unwrap((byte) 2));
    assertThat(cache.inMemory()).isEqualTo(1);
    cache.purgeAll();
    assertThat(cache.size()).isZero();
    assertThat(cache.inMemory()).as("still held by a request").isEqualTo(1);
    held.close();
    assertThat(cache.inMemory()).isZero();
    assertThat(cache.purges()).isEqualTo(1);
  }
}
