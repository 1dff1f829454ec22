package com.sovereignstamp.bridge.pkcs11;

import com.sovereignstamp.bridge.keys.CiphertextRejectedException;
import com.sovereignstamp.bridge.keys.GcmCiphertext;
import com.sovereignstamp.bridge.keys.HsmEvents;
import com.sovereignstamp.bridge.keys.HsmFailureException;
import com.sovereignstamp.bridge.keys.HsmIdentity;
import com.sovereignstamp.bridge.keys.HsmUnavailableException;
import com.sovereignstamp.bridge.keys.KeyAttributes;
import com.sovereignstamp.bridge.keys.KeyBackend;
import com.sovereignstamp.bridge.keys.KeyBackendException;
import com.sovereignstamp.bridge.keys.KeyMissingException;
import com.sovereignstamp.bridge.keys.KeyUsage;
import com.sovereignstamp.bridge.keys.KeyUsageNotPermittedException;
import com.sovereignstamp.bridge.keys.MechanismUnsupportedException;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import sun.security.pkcs11.wrapper.CK_ATTRIBUTE;
import sun.security.pkcs11.wrapper.PKCS11;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/**
 * Keys in a PKCS#11 token. Every HSM call runs on a worker bound to one pooled session, under a
 * deadline: a call that does not finish in time answers {@link HsmUnavailableException} instead of
 * hanging the request. A lost link is detected by failed calls and by a periodic probe; the backend
 * then re-initialises the module until the token is back, without a restart.
 */
public final class Pkcs11KeyBackend implements KeyBackend {
  private static final Logger LOG = Logger.getLogger(Pkcs11KeyBackend.class.getName());

  private final Pkcs11Settings settings;
  private final HsmEvents events;
  private final ThreadPoolExecutor workers;
  private final ScheduledExecutorService linkKeeper;
  private final AtomicReference<Pkcs11Token> token = new AtomicReference<>();
  private final Map<String, Long> handles = new ConcurrentHashMap<>();
  private final java.util.concurrent.locks.ReentrantReadWriteLock moduleLock =
      new java.util.concurrent.locks.ReentrantReadWriteLock();
  private volatile Pkcs11Library library;
  private volatile HsmIdentity lastIdentity;

  private Pkcs11KeyBackend(Pkcs11Settings settings, HsmEvents events) {
    this.settings = settings;
    this.events = events;
    int n = settings.sessions();
    this.workers =
        new ThreadPoolExecutor(
            n,
            n,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(n * 64),
            daemonThreads("hsm-call-"));
    this.linkKeeper = Executors.newSingleThreadScheduledExecutor(daemonThreads("hsm-link-"));
  }

  /**
   * Starts the backend. A token that cannot be reached yet is not fatal: the backend reports itself
   * disconnected and keeps trying.
   */
  public static Pkcs11KeyBackend start(Pkcs11Settings settings, HsmEvents events) {
    Pkcs11KeyBackend backend = new Pkcs11KeyBackend(settings, events);
    backend.keepLink();
    long every = settings.reconnectInterval().toMillis();
    backend.linkKeeper.scheduleWithFixedDelay(
        backend::keepLink, every, every, TimeUnit.MILLISECONDS);
    return backend;
  }

  private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    return r -> {
      Thread thread = new Thread(r, prefix + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public KeyAttributes describe(String label) {
    return call(
        label, KeyUsage.ENCRYPT, (p11, s) -> Pkcs11Keys.attributes(p11, s, key(p11, s, label)));
  }

  @Override
  public GcmCiphertext encrypt(String label, byte[] plaintext, byte[] hsmAad) {
    return call(
        label,
        KeyUsage.ENCRYPT,
        (p11, s) -> Pkcs11Keys.encrypt(p11, s, key(p11, s, label), plaintext, hsmAad));
  }

  @Override
  public byte[] decrypt(String label, GcmCiphertext ciphertext, byte[] hsmAad) {
    return call(
        label,
        KeyUsage.DECRYPT,
        (p11, s) -> Pkcs11Keys.decrypt(p11, s, label, key(p11, s, label), ciphertext, hsmAad));
  }

  /**
   * Sets the secret key's {@code CKA_ENCRYPT} and {@code CKA_DECRYPT} attributes (the officers'
   * revocation inside the HSM). Throws {@link KeyBackendException} if the HSM refuses (the key is
   * not modifiable, or the HSM does not allow these attributes to change).
   */
  public void setUsable(String label, boolean usable) {
    call(
        label,
        KeyUsage.ENCRYPT,
        (p11, s) -> {
          CK_ATTRIBUTE[] attributes = {
            new CK_ATTRIBUTE(Ck.CKA_ENCRYPT, usable), new CK_ATTRIBUTE(Ck.CKA_DECRYPT, usable)
          };
          p11.C_SetAttributeValue(s, key(p11, s, label), attributes);
          return null;
        });
  }

  /**
   * Signs a SHA-256 digest with the EC P-256 private key of this label (ECDSA, DER signature).
   * Throws {@link KeyMissingException} if there is no such key.
   */
  public byte[] signDigest(String label, byte[] sha256) {
    return call(
        label,
        KeyUsage.SIGN,
        (p11, s) ->
            Pkcs11Signatures.signDigest(
                p11, s, signingKey(p11, s, Ck.CKO_PRIVATE_KEY, label), sha256));
  }

  /** The SubjectPublicKeyInfo (DER) of the EC P-256 public key with this label. */
  public byte[] publicKeyInfo(String label) {
    return call(
        label,
        KeyUsage.VERIFY,
        (p11, s) ->
            Pkcs11Signatures.subjectPublicKeyInfo(
                p11, s, signingKey(p11, s, Ck.CKO_PUBLIC_KEY, label)));
  }

  private static long signingKey(PKCS11 p11, long session, long objectClass, String label)
      throws PKCS11Exception {
    return Pkcs11Objects.find(p11, session, objectClass, label)
        .orElseThrow(() -> new KeyMissingException(label, "no EC key pair with this label"));
  }

  @Override
  public HsmIdentity identity() {
    Pkcs11Token t = token.get();
    HsmIdentity id = t != null ? t.identity() : lastIdentity;
    return id != null
        ? id
        : new HsmIdentity(settings.library().getFileName().toString(), "unknown", "unknown");
  }

  @Override
  public boolean connected() {
    return token.get() != null;
  }

  @Override
  public String kind() {
    return "pkcs11";
  }

  @Override
  public void close() {
    linkKeeper.shutdownNow();
    workers.shutdownNow();
    Pkcs11Token t = token.getAndSet(null);
    if (t != null) {
      t.close();
    }
  }

  /** The key's handle, from the cache or found by label; a stale handle is looked up again. */
  private long key(PKCS11 p11, long session, String label) throws PKCS11Exception {
    Long cached = handles.get(label);
    if (cached != null) {
      return cached;
    }
    long h =
        Pkcs11Keys.find(p11, session, label)
            .orElseThrow(() -> new KeyMissingException(label, "no secret key with this label"));
    handles.put(label, h);
    return h;
  }

  private <T> T call(String label, KeyUsage usage, Pkcs11Token.SessionWork<T> work) {
    Pkcs11Token t = token.get();
    if (t == null) {
      throw new HsmUnavailableException("HSM link down; reconnecting", null);
    }
    Future<T> future;
    try {
      future = workers.submit(() -> guarded(t, () -> runWithStaleHandleRetry(t, label, work)));
    } catch (RejectedExecutionException e) {
      events.hsmError("QUEUE_FULL");
      throw new HsmUnavailableException("HSM call queue full", e);
    }
    try {
      return future.get(settings.callTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      events.hsmError("TIMEOUT");
      throw new HsmUnavailableException("HSM did not answer within " + settings.callTimeout(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HsmUnavailableException("interrupted while waiting for the HSM", e);
    } catch (ExecutionException e) {
      throw translate(t, label, usage, e.getCause());
    }
  }

  /**
   * Runs native work on token {@code t} while holding the module's read lock, so the module is
   * never finalised under a call in flight (that corrupts native memory in some modules). Work for
   * a token that has been replaced meanwhile is refused.
   */
  private <T> T guarded(Pkcs11Token t, java.util.concurrent.Callable<T> work) throws Exception {
    if (!moduleLock.readLock().tryLock(settings.callTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
      throw new HsmUnavailableException("HSM link is being re-established", null);
    }
    try {
      if (token.get() != t) {
        throw new HsmUnavailableException("HSM link down; reconnecting", null);
      }
      return work.call();
    } finally {
      moduleLock.readLock().unlock();
    }
  }

  private <T> T runWithStaleHandleRetry(
      Pkcs11Token t, String label, Pkcs11Token.SessionWork<T> work)
      throws PKCS11Exception, InterruptedException {
    try {
      return t.withSession(work);
    } catch (PKCS11Exception e) {
      if (!Pkcs11Failures.isKeyGone(e)) {
        throw e;
      }
      handles.remove(label);
      return t.withSession(work);
    }
  }

  private KeyBackendException translate(
      Pkcs11Token t, String label, KeyUsage usage, Throwable cause) {
    if (cause instanceof KeyBackendException k) {
      return k;
    }
    if (!(cause instanceof PKCS11Exception e)) {
      return new HsmFailureException("HSM call failed: " + cause.getClass().getSimpleName(), cause);
    }
    if (Pkcs11Failures.isKeyGone(e)) {
      handles.remove(label);
      return new KeyMissingException(label, "the key is no longer in the HSM");
    }
    if (Pkcs11Failures.isUsageRefused(e)) {
      return new KeyUsageNotPermittedException(label, usage);
    }
    if (usage == KeyUsage.DECRYPT && Pkcs11Failures.isCiphertextRejected(e)) {
      return new CiphertextRejectedException(label);
    }
    events.hsmError(Pkcs11Failures.name(e));
    if (e.getErrorCode() == Ck.CKR_MECHANISM_INVALID) {
      return new MechanismUnsupportedException("the HSM or its link does not offer AES-GCM");
    }
    if (Pkcs11Failures.isLinkFailure(e)) {
      linkLost(t, Pkcs11Failures.name(e));
      return new HsmUnavailableException("HSM link lost (" + Pkcs11Failures.name(e) + ")", null);
    }
    return new HsmFailureException("HSM error " + Pkcs11Failures.name(e), null);
  }

  /** Marks this token lost, unless another thread already replaced it. */
  private void linkLost(Pkcs11Token lost, String why) {
    if (token.compareAndSet(lost, null)) {
      LOG.warning(
          "HSM link lost (" + why + "); reconnecting every " + settings.reconnectInterval());
      handles.clear();
      events.linkChanged(false);
      lost.close();
    }
  }

  /** Runs on the link keeper: probes a live link, or tries to bring a lost one back. */
  private void keepLink() {
    Pkcs11Token t = token.get();
    if (t != null) {
      probe(t);
      return;
    }
    try {
      if (!moduleLock
          .writeLock()
          .tryLock(settings.reconnectInterval().toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.fine("HSM calls still in flight on the lost link; reconnect deferred");
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    try {
      Pkcs11Library lib = library;
      if (lib == null) {
        lib = Pkcs11Library.load(settings.library());
        library = lib;
      } else {
        lib.reinitialize();
      }
      Pkcs11Token opened = Pkcs11Token.open(lib.api(), settings);
      handles.clear();
      lastIdentity = opened.identity();
      token.set(opened);
      events.linkChanged(true);
      LOG.info("HSM link up: " + opened.identity().vendor() + " " + opened.identity().model());
    } catch (Exception e) {
      LOG.log(Level.FINE, "HSM not reachable yet", e);
      if (!(e instanceof PKCS11Exception) && !(e instanceof java.io.IOException)) {
        LOG.warning("HSM connect failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    } finally {
      moduleLock.writeLock().unlock();
    }
  }

  /**
   * Asks the token for its info, on the link keeper's own thread (not through the call queue, so a
   * busy HSM is never mistaken for a lost one). Only a link-level error counts as a lost link.
   */
  private void probe(Pkcs11Token t) {
    try {
      guarded(t, () -> t.api().C_GetTokenInfo(t.slot()));
    } catch (PKCS11Exception p) {
      if (Pkcs11Failures.isLinkFailure(p)) {
        events.hsmError(Pkcs11Failures.name(p));
        linkLost(t, Pkcs11Failures.name(p));
      }
    } catch (Exception ignored) {
      // the link is being replaced, or the module was busy: the next round will look again
    }
  }
}
