/**
 * The tamper-evident audit log shared by the HSM bridge and the appliance: entries as canonical
 * JSON ({@code canonical}), a Merkle tree over them with inclusion and consistency proofs in the
 * RFC 9162 style ({@code merkle}). Storage, signed checkpoints and the offline verifier build on
 * these.
 */
package com.sovereignstamp.audit;
