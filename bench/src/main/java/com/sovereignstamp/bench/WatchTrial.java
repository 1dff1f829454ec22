package com.sovereignstamp.bench;

/**
 * One revocation as the watcher and the officer saw it, in {@link System#nanoTime()} of the driver.
 *
 * @param revokeSent just before the officer's revoke call was sent
 * @param revokeReturned just after its answer (200) was in
 * @param watchAnswered just after the held watch's answer (the key {@code REVOKED}) was in
 */
record WatchTrial(long revokeSent, long revokeReturned, long watchAnswered) {
  WatchTrial {
    if (revokeReturned < revokeSent) {
      throw new IllegalArgumentException("the revoke call returned before it was sent");
    }
  }

  /** (a) The watcher's answer after the revoke call returned; negative when it came first. */
  long afterReturn() {
    return watchAnswered - revokeReturned;
  }

  /** (b) The watcher's notification delay: its answer after the revoke call was sent. */
  long afterSend() {
    return watchAnswered - revokeSent;
  }

  /** The revoke call's own round trip. */
  long revokeRoundTrip() {
    return revokeReturned - revokeSent;
  }
}
