/** MicroProfile Health checks of the appliance ({@code /health/ready}, {@code /health/live}). */
package com.sovereignstamp.appliance.health;
