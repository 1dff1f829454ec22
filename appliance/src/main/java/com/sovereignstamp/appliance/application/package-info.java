/** Wiring: builds the appliance's parts from its settings at start and closes them at stop. */
package com.sovereignstamp.appliance.application;
