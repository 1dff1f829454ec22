/**
 * AWS Signature Version 4 for the XKS proxy API: the canonical request, signing of outgoing
 * requests ({@link com.sovereignstamp.sigv4.SigV4Signer}) and verification of incoming ones ({@link
 * com.sovereignstamp.sigv4.SigV4Verifier}). Pure Java, no HTTP library: callers hand in the method,
 * the raw path and query, the headers and the body bytes.
 */
package com.sovereignstamp.sigv4;
