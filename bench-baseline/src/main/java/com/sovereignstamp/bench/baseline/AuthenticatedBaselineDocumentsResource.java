package com.sovereignstamp.bench.baseline;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;

/**
 * {@code /baseline/authenticated/documents/{id}}: the bare endpoint's store behind the same
 * MicroProfile JWT bearer-token check the appliance's API makes (role {@code user}) — so that the
 * benchmark can tell the cost of the token check from the cost of the data plane.
 */
@Path("authenticated/documents/{id: [A-Za-z0-9][A-Za-z0-9._-]{0,127}}")
@RequestScoped
@RolesAllowed("user")
public class AuthenticatedBaselineDocumentsResource extends BaselineDocumentsResource {}
