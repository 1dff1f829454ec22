package com.sovereignstamp.bridge.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * The key stores in force. The file is checked for changes at most once per interval; a changed
 * file that reads cleanly replaces the old set at once (credential rotation without restart), one
 * that does not is refused and the previous set stays in force.
 */
public final class KeyStoreRegistry {
  private static final Logger LOG = Logger.getLogger(KeyStoreRegistry.class.getName());

  private final Path file;
  private final long checkEveryNanos;
  private final boolean refuseOpenPermissions;
  private final LongSupplier nanoTime;
  private final ReloadListener listener;
  private volatile KeyStores current;
  private volatile FileTime loadedModified;
  private volatile long loadedSize;
  private volatile long nextCheck;

  /** Told of each reload, for metrics. */
  public interface ReloadListener {
    void reloaded(boolean ok);
  }

  public KeyStoreRegistry(
      Path file,
      Duration checkEvery,
      boolean refuseOpenPermissions,
      LongSupplier nanoTime,
      ReloadListener listener)
      throws IOException {
    this.file = file;
    this.checkEveryNanos = checkEvery.toNanos();
    this.refuseOpenPermissions = refuseOpenPermissions;
    this.nanoTime = nanoTime;
    this.listener = listener;
    load();
    this.nextCheck = nanoTime.getAsLong() + checkEveryNanos;
  }

  /** Every key store as last loaded (no reload check). */
  public java.util.Collection<KeyStoreDefinition> all() {
    return current.byPrefix().values();
  }

  public Optional<KeyStoreDefinition> find(String uriPrefix) {
    reloadIfChanged();
    return current.find(uriPrefix);
  }

  private void reloadIfChanged() {
    long now = nanoTime.getAsLong();
    if (now - nextCheck < 0) {
      return;
    }
    synchronized (this) {
      if (now - nextCheck < 0) {
        return;
      }
      nextCheck = now + checkEveryNanos;
      reloadIfModified();
    }
  }

  /**
   * Reads the file again now if it changed since it was loaded (an officer naming a key that was
   * just added should not wait for the next check).
   */
  public synchronized void reloadIfModified() {
    try {
      if (Files.getLastModifiedTime(file).equals(loadedModified)
          && Files.size(file) == loadedSize) {
        return;
      }
      load();
      listener.reloaded(true);
      LOG.info("key-store file reloaded: " + current.byPrefix().size() + " key store(s)");
    } catch (IOException e) {
      listener.reloaded(false);
      LOG.warning("key-store file refused, previous key stores stay in force: " + e.getMessage());
    }
  }

  private void load() throws IOException {
    FileTime modified = Files.getLastModifiedTime(file);
    long size = Files.size(file);
    checkPermissions();
    current = KeyStoreFile.read(file);
    loadedModified = modified;
    loadedSize = size;
  }

  private void checkPermissions() throws IOException {
    Set<PosixFilePermission> perms;
    try {
      perms = Files.getPosixFilePermissions(file);
    } catch (UnsupportedOperationException e) {
      return;
    }
    boolean open =
        perms.contains(PosixFilePermission.GROUP_READ)
            || perms.contains(PosixFilePermission.OTHERS_READ);
    if (open && refuseOpenPermissions) {
      throw new IOException(file + " holds secrets and must be readable by its owner only");
    }
    if (open) {
      LOG.warning(file + " holds secrets but is readable by others: chmod 600 it");
    }
  }
}
