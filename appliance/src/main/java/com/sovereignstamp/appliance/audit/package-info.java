/**
 * The appliance's audit events: who did what to which key or document, in which region, with what
 * outcome. Domain code: no JAX-RS, JDBC or HTTP.
 */
package com.sovereignstamp.appliance.audit;
