package io.userdesk.audit;

import java.util.UUID;

/**
 * One link of the hash chain without the event's content: enough to check that links follow each other and end at a
 * signed head, which is what lets an export of a few events prove they belong to the whole chain.
 *
 * @param seq the chain position
 * @param eventId the event's id
 * @param prevHash the previous event's hash
 * @param hash the event's hash
 */
public record ChainLink(long seq, UUID eventId, String prevHash, String hash) {
}
