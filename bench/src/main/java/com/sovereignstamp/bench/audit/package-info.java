/**
 * The audit log's append benchmark: durable appends per second on PostgreSQL, group-committed
 * against one transaction per entry, measured in the same run with the same code (the batch size is
 * the only difference).
 */
package com.sovereignstamp.bench.audit;
