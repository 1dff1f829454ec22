package com.sovereignstamp.appliance.keys;

import com.sovereignstamp.format.KeyMaterial;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A node's unwrapped collection keys. A key is served until its hard TTL and refreshed in the
 * background on the first use after its soft TTL; however many requests miss at once, one unwrap
 * runs per key (the others wait for it). Ages are measured on a monotonic clock. Evicted keys are
 * zeroed as soon as no request holds them.
 */
public final class DekCache {
  private static final Logger LOG = Logger.getLogger(DekCache.class.getName());
  private static final int ATTEMPTS = 3;

  private final long softNanos;
  private final long hardNanos;
  private final LongSupplier nanoClock;
  private final Executor refresher;
  private final ConcurrentHashMap<KeyRef, Slot> slots = new ConcurrentHashMap<>();
  private final AtomicLong unwraps = new AtomicLong();
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();
  private final AtomicLong refreshFailures = new AtomicLong();
  private final AtomicLong purges = new AtomicLong();
  private final AtomicInteger inMemory = new AtomicInteger();

  /**
   * @param nanoClock a monotonic clock ({@code System::nanoTime})
   * @param refresher runs background refreshes
   */
  public DekCache(DekCacheSettings settings, LongSupplier nanoClock, Executor refresher) {
    this.softNanos = settings.softTtl().toNanos();
    this.hardNanos = settings.hardTtl().toNanos();
    this.nanoClock = nanoClock;
    this.refresher = refresher;
  }

  /**
   * A lease on the key, unwrapping it with {@code unwrap} on a miss (the array it returns is zeroed
   * here).
   *
   * @throws KeyServiceException when the unwrap this call waited for failed
   */
  public KeyLease lease(KeyRef ref, Supplier<byte[]> unwrap) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      long loadEpoch = purges.get();
      Slot slot = slots.computeIfAbsent(ref, r -> new Slot());
      CompletableFuture<CachedKey> pending;
      boolean load = false;
      synchronized (slot) {
        long now = nanoClock.getAsLong();
        CachedKey current = slot.current;
        if (current != null && now - current.loadedAtNanos() >= hardNanos) {
          slot.current = null;
          current.evict();
          current = null;
        }
        if (current != null) {
          KeyLease lease = current.acquire();
          if (lease != null) {
            hits.incrementAndGet();
            if (now - current.loadedAtNanos() >= softNanos && slot.loading == null) {
              CompletableFuture<CachedKey> refresh = new CompletableFuture<>();
              slot.loading = refresh;
              long epoch = purges.get();
              refresher.execute(() -> loadInto(slot, unwrap, refresh, true, epoch));
            }
            return lease;
          }
        }
        if (slot.loading == null) {
          slot.loading = new CompletableFuture<>();
          load = true;
        }
        pending = slot.loading;
      }
      misses.incrementAndGet();
      if (load) {
        loadInto(slot, unwrap, pending, false, loadEpoch);
      }
      CachedKey loaded;
      try {
        loaded = pending.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw e;
      }
      KeyLease lease = loaded.acquire();
      if (lease != null) {
        return lease;
      }
    }
    throw new KeyServiceException(
        KeyServiceException.Reason.FAILED, "the key was evicted while it was being loaded", null);
  }

  /**
   * Unwraps into the slot. A key unwrapped across a {@link #purgeAll} (begun before it, done after)
   * is zeroed and not kept: the purge may be a revocation the unwrap raced with.
   */
  private void loadInto(
      Slot slot,
      Supplier<byte[]> unwrap,
      CompletableFuture<CachedKey> future,
      boolean refresh,
      long epoch) {
    CachedKey fresh;
    try {
      unwraps.incrementAndGet();
      byte[] raw = unwrap.get();
      try {
        fresh =
            new CachedKey(
                KeyMaterial.copyOf(raw), nanoClock.getAsLong(), inMemory::decrementAndGet);
        inMemory.incrementAndGet();
      } finally {
        Arrays.fill(raw, (byte) 0);
      }
    } catch (RuntimeException e) {
      synchronized (slot) {
        if (slot.loading == future) {
          slot.loading = null;
        }
      }
      if (refresh) {
        refreshFailures.incrementAndGet();
        LOG.log(
            Level.WARNING, "background refresh of a collection key failed: {0}", e.getMessage());
      }
      future.completeExceptionally(e);
      return;
    }
    CachedKey old;
    boolean purged;
    synchronized (slot) {
      purged = purges.get() != epoch;
      old = purged ? null : slot.current;
      if (!purged) {
        slot.current = fresh;
      }
      if (slot.loading == future) {
        slot.loading = null;
      }
    }
    if (purged) {
      fresh.evict();
      future.completeExceptionally(
          new KeyServiceException(
              KeyServiceException.Reason.FAILED,
              "the key cache was purged while the key was being unwrapped",
              null));
      return;
    }
    if (old != null) {
      old.evict();
    }
    future.complete(fresh);
  }

  /**
   * A lease on the key if this node holds it within its hard TTL, else empty; never unwraps and
   * never starts a refresh (degraded mode reads only what is in memory).
   */
  public Optional<KeyLease> leaseCached(KeyRef ref) {
    Slot slot = slots.get(ref);
    if (slot == null) {
      return Optional.empty();
    }
    synchronized (slot) {
      CachedKey current = slot.current;
      if (current == null) {
        return Optional.empty();
      }
      if (nanoClock.getAsLong() - current.loadedAtNanos() >= hardNanos) {
        slot.current = null;
        current.evict();
        return Optional.empty();
      }
      KeyLease lease = current.acquire();
      if (lease != null) {
        hits.incrementAndGet();
      }
      return Optional.ofNullable(lease);
    }
  }

  /**
   * Drops and zeroes every cached key (zeroed at once, or when its last lease is released); an
   * unwrap still under way when this is called is not kept either.
   */
  public void purgeAll() {
    purges.incrementAndGet();
    // a plain loop, no lambda: this also runs at JVM shutdown, when no new class can be loaded
    for (Slot slot : slots.values()) {
      synchronized (slot) {
        if (slot.current != null) {
          slot.current.evict();
          slot.current = null;
        }
      }
    }
  }

  /** Keys currently held (not yet evicted). */
  public int size() {
    int n = 0;
    for (Slot s : slots.values()) {
      synchronized (s) {
        n += s.current == null ? 0 : 1;
      }
    }
    return n;
  }

  /**
   * Unwrapped keys still in memory: cached, or evicted but held by a request that has not released
   * them yet. Zero after a purge once running requests let go: every key zeroed.
   */
  public int inMemory() {
    return inMemory.get();
  }

  /** How often the cache was purged (revocations, shutdown). */
  public long purges() {
    return purges.get();
  }

  public long unwraps() {
    return unwraps.get();
  }

  public long hits() {
    return hits.get();
  }

  public long misses() {
    return misses.get();
  }

  public long refreshFailures() {
    return refreshFailures.get();
  }

  @Override
  public String toString() {
    return "DekCache[" + size() + " keys, redacted]";
  }

  private static final class Slot {
    private CachedKey current;
    private CompletableFuture<CachedKey> loading;
  }
}
