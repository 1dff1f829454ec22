package com.sovereignstamp.appliance.keys;

/** The keys a collection has, each in versions: the DEK and the blind-index key. */
public enum KeyKind {
  DEK,
  INDEX_KEY
}
