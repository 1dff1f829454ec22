/**
 * The key backend contract: what the bridge needs from an HSM (find a key by label, read what it
 * permits, AES-256-GCM encrypt and decrypt with the IV chosen by the HSM, a deep health probe) and
 * the failures it reports, named for what they mean to a caller. No JAX-RS, no JSON, no PKCS#11
 * types: {@code pkcs11} and {@code software} implement it.
 */
package com.sovereignstamp.bridge.keys;
