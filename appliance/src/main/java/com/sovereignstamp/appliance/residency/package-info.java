/**
 * Residency: the stamp's identity and its region, fixed at install, and its residency policy — what
 * degraded mode may serve, the egress allowlist (host names, addresses and CIDR blocks, each tagged
 * with its region) and whether disaster recovery may cross regions — read from the policy file and
 * checked at start. The egress decision is made here; the guard that applies it to every connection
 * is at the edge ({@code egress}). Domain code: no JAX-RS, JDBC or HTTP, and no name lookups.
 */
package com.sovereignstamp.appliance.residency;
