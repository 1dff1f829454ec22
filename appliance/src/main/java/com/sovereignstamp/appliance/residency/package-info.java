/** Residency: the stamp's identity and region. Domain code: no JAX-RS, JDBC or HTTP. */
package com.sovereignstamp.appliance.residency;
