/**
 * The Merkle tree of the audit log, hashed as in RFC 6962 and RFC 9162 (Certificate Transparency):
 * leaf hash {@code SHA-256(0x00 || entry)}, interior node hash {@code SHA-256(0x01 || left ||
 * right)}, the empty tree hashes to {@code SHA-256("")}, and a tree of {@code n > 1} leaves splits
 * at the largest power of two smaller than {@code n} (RFC 9162 §2.1.1).
 *
 * <ul>
 *   <li>{@link com.sovereignstamp.audit.merkle.TreeHashes} – the three hash functions.
 *   <li>{@link com.sovereignstamp.audit.merkle.RootHash} – a 32-byte tree head value.
 *   <li>{@link com.sovereignstamp.audit.merkle.MerkleTree} – the in-memory append-only tree: roots
 *       of any past size, inclusion and consistency proofs (RFC 9162 §2.1.3.1, §2.1.4.1).
 *   <li>{@link com.sovereignstamp.audit.merkle.InclusionProof}, {@link
 *       com.sovereignstamp.audit.merkle.ConsistencyProof} – immutable proofs.
 *   <li>{@link com.sovereignstamp.audit.merkle.ProofVerifier} – the verification algorithms of RFC
 *       9162 §2.1.3.2 and §2.1.4.2; a failed check throws {@link
 *       com.sovereignstamp.audit.merkle.ProofException}.
 *   <li>{@link com.sovereignstamp.audit.merkle.TamperLocator} – what the offline verifier uses to
 *       say whether a claimed log reproduces a checkpoint and where it first departs from it.
 * </ul>
 */
package com.sovereignstamp.audit.merkle;
