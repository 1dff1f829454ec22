/** MicroProfile Metrics of the appliance ({@code /metrics}, application scope). */
package com.sovereignstamp.appliance.metrics;
