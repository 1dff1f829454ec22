/**
 * The XKS proxy API v1 as a protocol, apart from HTTP: its paths, request bodies and their
 * validation, its error names, the AAD binding of caller AAD and ciphertext metadata, the
 * ciphertext data integrity value, and the key operations that turn XKS requests into backend
 * calls. The JAX-RS edge in {@code api} only moves bytes in and out.
 */
package com.sovereignstamp.bridge.xks;
