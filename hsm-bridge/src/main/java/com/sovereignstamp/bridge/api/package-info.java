/**
 * The HTTP edge of the bridge (JAX-RS on Payara Micro): the XKS endpoint, which only turns a
 * servlet request into an {@code XksCall} and an {@code XksAnswer} into a response; the metrics
 * endpoint; the benchmark's baseline endpoint; and {@link
 * com.sovereignstamp.bridge.api.BridgeRuntime}, which builds the bridge from its settings when the
 * application starts.
 */
package com.sovereignstamp.bridge.api;
