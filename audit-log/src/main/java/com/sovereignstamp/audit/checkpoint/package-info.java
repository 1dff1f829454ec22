/**
 * Signed checkpoints of the audit log: the tree size, root hash, time and origin, as RFC 8785
 * canonical JSON, signed with ECDSA P-256 / SHA-256 under a domain-separation label, through Bouncy
 * Castle FIPS in approved-only mode. The signing key lives behind {@link
 * com.sovereignstamp.audit.checkpoint.CheckpointSigner}: a BCFKS key store file, a PKCS#11 token,
 * or an owner-only PKCS#8 PEM file. A witness that saw a checkpoint co-signs it ({@link
 * com.sovereignstamp.audit.checkpoint.Cosignature}); its clients check that with {@link
 * com.sovereignstamp.audit.checkpoint.CosignatureVerifier}.
 */
package com.sovereignstamp.audit.checkpoint;
