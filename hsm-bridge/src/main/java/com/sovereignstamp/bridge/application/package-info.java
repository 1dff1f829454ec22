/**
 * The bridge's use cases: answering one XKS call from start to end (path, key store,
 * authentication, quota, request validation, the key operation, metrics and the call log).
 */
package com.sovereignstamp.bridge.application;
