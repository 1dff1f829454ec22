/**
 * Collections and documents: what is stored, encrypted under the collection's keys in the content
 * format of docs/format.md. Domain code: no JAX-RS, JDBC or HTTP; the repositories are ports.
 */
package com.sovereignstamp.appliance.storage;
