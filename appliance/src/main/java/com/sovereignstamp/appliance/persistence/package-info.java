/**
 * The stamp's database: JPA (EclipseLink) for collections, wrapped keys and document rows; JDBC on
 * the same transaction's connection for content segments; Liquibase for the schema.
 */
package com.sovereignstamp.appliance.persistence;
