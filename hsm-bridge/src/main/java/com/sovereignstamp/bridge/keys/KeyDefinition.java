package com.sovereignstamp.bridge.keys;

/**
 * An external key id a key store serves, and the HSM key behind it.
 *
 * @param id the XKS external key id
 * @param label the HSM key's label
 * @param version the key version written into ciphertext metadata
 * @param enabled false when the bridge's operator has disabled the key in the key-store file:
 *     metadata then says {@code DISABLED} and encrypt and decrypt answer {@code
 *     InvalidStateException}
 */
public record KeyDefinition(String id, String label, int version, boolean enabled) {}
