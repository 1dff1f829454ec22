/**
 * The benchmark-only baseline of the appliance's document API (bench/run-appliance-bench): the same
 * kind of rows, written and read the same way (JPA for the document row, JDBC batches of 64 KiB
 * segment rows on the same transaction's connection, a cursor of 16 rows per query for reads), on
 * the same server and database, without authentication, encryption or audit. Its tables are {@code
 * bench_*}, apart from the appliance's.
 */
package com.sovereignstamp.bench.baseline;
