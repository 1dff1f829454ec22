package com.sovereignstamp.bridge.pkcs11;

import com.sovereignstamp.bridge.keys.HsmIdentity;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import sun.security.pkcs11.wrapper.CK_TOKEN_INFO;
import sun.security.pkcs11.wrapper.PKCS11;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/** One token with a pool of logged-in sessions. Replaced as a whole when the link is lost. */
final class Pkcs11Token {
  private final PKCS11 p11;
  private final long slot;
  private final BlockingQueue<Long> sessions;
  private final HsmIdentity identity;

  private Pkcs11Token(PKCS11 p11, long slot, BlockingQueue<Long> sessions, HsmIdentity identity) {
    this.p11 = p11;
    this.slot = slot;
    this.sessions = sessions;
    this.identity = identity;
  }

  static Pkcs11Token open(PKCS11 p11, Pkcs11Settings settings) throws PKCS11Exception {
    long slot = findSlot(p11, settings);
    CK_TOKEN_INFO info = p11.C_GetTokenInfo(slot);
    HsmIdentity identity =
        new HsmIdentity(
            text(info.serialNumber).isEmpty() ? text(info.label) : text(info.serialNumber),
            text(info.manufacturerID),
            text(info.model)
                + " (token "
                + text(info.label)
                + ", firmware "
                + info.firmwareVersion
                + ")");
    BlockingQueue<Long> pool = new ArrayBlockingQueue<>(settings.sessions());
    try {
      for (int i = 0; i < settings.sessions(); i++) {
        pool.add(p11.C_OpenSession(slot, Ck.CKF_SERIAL_SESSION | Ck.CKF_RW_SESSION, null, null));
      }
      login(p11, pool.peek(), settings.pin());
    } catch (PKCS11Exception | RuntimeException e) {
      for (Long s : pool) {
        closeQuietly(p11, s);
      }
      throw e;
    }
    return new Pkcs11Token(p11, slot, pool, identity);
  }

  private static void login(PKCS11 p11, long session, PinSource pinSource) throws PKCS11Exception {
    char[] pin = pinSource.read();
    try {
      p11.C_Login(session, Ck.CKU_USER, pin);
    } catch (PKCS11Exception e) {
      if (e.getErrorCode() != Ck.CKR_USER_ALREADY_LOGGED_IN) {
        throw e;
      }
    } finally {
      Arrays.fill(pin, '\0');
    }
  }

  private static long findSlot(PKCS11 p11, Pkcs11Settings settings) throws PKCS11Exception {
    long[] slots = p11.C_GetSlotList(true);
    if (settings.tokenLabel().isPresent()) {
      String wanted = settings.tokenLabel().get();
      for (long slot : slots) {
        if (wanted.equals(text(p11.C_GetTokenInfo(slot).label))) {
          return slot;
        }
      }
      throw new PKCS11Exception(Ck.CKR_TOKEN_NOT_PRESENT, " no token labelled " + wanted);
    }
    long wanted = settings.slot().orElseThrow();
    for (long slot : slots) {
      if (slot == wanted) {
        return slot;
      }
    }
    throw new PKCS11Exception(Ck.CKR_TOKEN_NOT_PRESENT, " no token in slot " + wanted);
  }

  PKCS11 api() {
    return p11;
  }

  long slot() {
    return slot;
  }

  HsmIdentity identity() {
    return identity;
  }

  /** Runs an operation on a session of the pool; one session per concurrent call. */
  <T> T withSession(SessionWork<T> work) throws PKCS11Exception, InterruptedException {
    Long session = sessions.take();
    try {
      return work.run(p11, session);
    } finally {
      sessions.add(session);
    }
  }

  /** Closes what can still be closed; a lost link may refuse, which is fine. */
  void close() {
    Long s;
    while ((s = sessions.poll()) != null) {
      closeQuietly(p11, s);
    }
  }

  private static void closeQuietly(PKCS11 p11, long session) {
    try {
      p11.C_CloseSession(session);
    } catch (PKCS11Exception ignored) {
      // the session is gone with the link
    }
  }

  static String text(char[] padded) {
    return padded == null ? "" : new String(padded).trim();
  }

  /** Work done on one PKCS#11 session. */
  @FunctionalInterface
  interface SessionWork<T> {
    T run(PKCS11 p11, long session) throws PKCS11Exception;
  }
}
