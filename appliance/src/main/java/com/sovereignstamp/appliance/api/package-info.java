/**
 * The REST API ({@code /api/v1}): resources, token roles, and errors as RFC 9457 problem details
 * with the stable types listed in docs/api.md.
 */
package com.sovereignstamp.appliance.api;
