/** One-jar launcher that runs UserDesk locally: embedded PostgreSQL plus Payara Micro in a child JVM. */
package io.userdesk.launcher;
