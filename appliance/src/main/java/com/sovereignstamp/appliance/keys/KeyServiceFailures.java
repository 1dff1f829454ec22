package com.sovereignstamp.appliance.keys;

/**
 * Told of every failed use of the customer's key on the data path (a wrap or unwrap the bridge did
 * not serve), so that the operating mode can follow at once instead of waiting for its next poll.
 */
@FunctionalInterface
public interface KeyServiceFailures {
  KeyServiceFailures IGNORED = e -> {};

  void failed(KeyServiceException e);
}
