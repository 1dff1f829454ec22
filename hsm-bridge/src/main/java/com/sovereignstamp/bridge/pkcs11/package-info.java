/**
 * The PKCS#11 key backend: any vendor's PKCS#11 library (SoftHSM2 in tests, {@code p11-kit}'s
 * client for a remoted token) reached through the JDK's own PKCS#11 binding, the one the SunPKCS11
 * provider is built on. It keeps a pool of sessions, runs every HSM call under a deadline, finds
 * keys by label, reads their usage attributes, and re-initialises the library by itself when the
 * link to the HSM comes back. Needs {@code --add-exports} and {@code --add-opens} of {@code
 * jdk.crypto.cryptoki/sun.security.pkcs11.wrapper} on the JVM command line.
 */
package com.sovereignstamp.bridge.pkcs11;
