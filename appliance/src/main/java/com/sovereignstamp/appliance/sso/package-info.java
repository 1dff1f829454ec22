/**
 * The edge to the stamp's identity provider: its signing keys mirrored for MicroProfile JWT, and
 * nothing else — tokens are verified by the runtime against the mirrored keys, the residency claim
 * by the API's filter.
 */
package com.sovereignstamp.appliance.sso;
