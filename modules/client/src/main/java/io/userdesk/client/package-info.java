/** The outgoing side of Partner Center: a MicroProfile REST Client with tokens, request ids and typed failures. */
package io.userdesk.client;
