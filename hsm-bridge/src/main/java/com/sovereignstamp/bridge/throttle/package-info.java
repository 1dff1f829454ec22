/** Request quotas per key store (URI prefix): a token bucket each, refilled continuously. */
package com.sovereignstamp.bridge.throttle;
