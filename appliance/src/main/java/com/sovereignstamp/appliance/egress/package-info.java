/**
 * Egress: the guard every outbound connection goes through. {@link
 * com.sovereignstamp.appliance.egress.OutboundClients} issues the HTTP, XKS and database clients
 * after {@link com.sovereignstamp.appliance.egress.EgressGuard} has checked the destination against
 * the residency policy; a refusal is an {@link
 * com.sovereignstamp.appliance.egress.EgressRefusedException}, a metric and an audit event. No
 * other package opens connections (the architecture test {@code EgressArchitectureTest}).
 */
package com.sovereignstamp.appliance.egress;
