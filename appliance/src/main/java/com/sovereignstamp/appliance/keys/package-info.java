/**
 * The key service: collection keys wrapped by the customer's key through the bridge, and the
 * per-node cache of unwrapped keys. Domain code: no JAX-RS, JDBC or HTTP.
 */
package com.sovereignstamp.appliance.keys;
