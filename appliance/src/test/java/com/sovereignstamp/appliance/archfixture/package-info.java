/**
 * Classes that break the egress rules on purpose, so that {@code EgressArchitectureTest} can show
 * each rule catches them. Test code only: never called, never shipped.
 */
package com.sovereignstamp.appliance.archfixture;
