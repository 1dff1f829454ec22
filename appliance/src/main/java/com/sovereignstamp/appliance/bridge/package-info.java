/** The edge to the HSM bridge: the customer's key through the XKS proxy API. */
package com.sovereignstamp.appliance.bridge;
