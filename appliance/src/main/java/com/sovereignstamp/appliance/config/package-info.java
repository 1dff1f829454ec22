/** The appliance's settings from MicroProfile Config (keys {@code stamp.*}), checked at start. */
package com.sovereignstamp.appliance.config;
