/**
 * Who may call the bridge: key stores (one per URI prefix, each with its own key ids, credentials
 * and request rate), their SigV4 credentials tied to client-certificate subjects, the file they are
 * declared in and its reload without restart, and the authentication of one call.
 */
package com.sovereignstamp.bridge.auth;
