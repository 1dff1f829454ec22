package com.sovereignstamp.bridge.pkcs11;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import sun.security.pkcs11.wrapper.CK_C_INITIALIZE_ARGS;
import sun.security.pkcs11.wrapper.PKCS11;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/**
 * A vendor PKCS#11 module loaded through the JDK's binding. The binding initialises a module only
 * once per JVM; after the link to a network HSM is lost the module must be finalised and
 * initialised again, which the binding allows only from its own package — hence the reflective call
 * (and the {@code --add-opens} the bridge's JVM carries).
 */
final class Pkcs11Library {
  private final PKCS11 p11;
  private final CK_C_INITIALIZE_ARGS initArgs;

  private Pkcs11Library(PKCS11 p11, CK_C_INITIALIZE_ARGS initArgs) {
    this.p11 = p11;
    this.initArgs = initArgs;
  }

  static Pkcs11Library load(Path library) throws IOException, PKCS11Exception {
    CK_C_INITIALIZE_ARGS args = new CK_C_INITIALIZE_ARGS();
    args.flags = Ck.CKF_OS_LOCKING_OK;
    return new Pkcs11Library(
        PKCS11.getInstance(library.toString(), "C_GetFunctionList", args, false), args);
  }

  PKCS11 api() {
    return p11;
  }

  /** C_Finalize, then C_Initialize: drops every session and handle, reconnects the module. */
  synchronized void reinitialize() throws PKCS11Exception {
    try {
      p11.C_Finalize(null);
    } catch (PKCS11Exception ignored) {
      // a module whose link is gone may refuse to finalise cleanly; initialise regardless
    }
    try {
      Method init = PKCS11.class.getDeclaredMethod("C_Initialize", Object.class);
      init.setAccessible(true);
      init.invoke(p11, initArgs);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof PKCS11Exception p
          && p.getErrorCode() != Ck.CKR_CRYPTOKI_ALREADY_INITIALIZED) {
        throw p;
      }
      if (!(e.getCause() instanceof PKCS11Exception)) {
        throw new IllegalStateException("C_Initialize failed", e.getCause());
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot re-initialise the PKCS#11 module: start the JVM with --add-opens"
              + " jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED",
          e);
    }
  }
}
