/** The append-only, hash-chained audit trail on PostgreSQL: schema migrations, canonical JSON, chain hashing and the JDBC store. */
package io.userdesk.audit;
