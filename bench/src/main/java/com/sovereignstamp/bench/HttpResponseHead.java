package com.sovereignstamp.bench;

/**
 * The status line and headers of one HTTP/1.1 answer, its body still unread.
 *
 * @param status the status code
 * @param contentLength the body's length (0 when there is none)
 * @param hasBody whether a body follows (not for 1xx, 204, 304)
 * @param connectionClose whether the server announced {@code Connection: close}
 */
record HttpResponseHead(int status, long contentLength, boolean hasBody, boolean connectionClose) {}
