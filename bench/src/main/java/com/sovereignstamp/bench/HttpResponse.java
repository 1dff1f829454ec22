package com.sovereignstamp.bench;

/**
 * One HTTP/1.1 answer as the driver needs it.
 *
 * @param status the status code
 * @param body the body bytes (empty when there is none)
 * @param connectionClose whether the server announced {@code Connection: close}
 */
record HttpResponse(int status, byte[] body, boolean connectionClose) {}
