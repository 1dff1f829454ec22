package com.sovereignstamp.audit.export;

/**
 * The files of an export, in a directory or a zip. Format version {@value #FORMAT_VERSION}:
 *
 * <ul>
 *   <li>{@value #LOG}: entry {@code i} on line {@code i} (from 0), the stored canonical bytes
 *       exactly, each followed by a line feed (canonical JSON holds no raw line feed);
 *   <li>{@value #LEAF_HASHES}: the leaf hash recorded for entry {@code i} at append time, lowercase
 *       hex, on line {@code i};
 *   <li>{@value #CHECKPOINT}: the latest signed checkpoint ({@code SignedCheckpoint
 *       .toCanonicalJson}), no line feed;
 *   <li>{@value #CHECKPOINTS}: every signed checkpoint, oldest first, one a line;
 *   <li>{@value #PUBLIC_KEY}: the signer's public key (SubjectPublicKeyInfo PEM), informational
 *       only: a verifier takes the key it trusts from elsewhere;
 *   <li>{@value #MANIFEST}: {@code {"createdAt","entryCount","formatVersion","origin"}}.
 * </ul>
 */
public final class ExportFiles {
  public static final int FORMAT_VERSION = 1;
  public static final String LOG = "log.jsonl";
  public static final String LEAF_HASHES = "leaf-hashes.txt";
  public static final String CHECKPOINT = "checkpoint.json";
  public static final String CHECKPOINTS = "checkpoints.jsonl";
  public static final String PUBLIC_KEY = "public-key.pem";
  public static final String MANIFEST = "manifest.json";

  private ExportFiles() {}
}
