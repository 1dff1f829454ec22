/**
 * Residency: the stamp's identity and its region, fixed at install. Domain code: no JAX-RS, JDBC or
 * HTTP.
 */
package com.sovereignstamp.appliance.residency;
