package io.userdesk.emulator.state;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The opaque {@code MS-ContinuationToken} of a seek-based list (reference §1.4): URL-safe base64 of where the next
 * page starts, the list it belongs to, and the query (filter and sort) that produced it, sealed with a checksum.
 *
 * <p>Why the query travels inside the token rather than only a fingerprint of it: the Java SDK's seek query sends
 * nothing but {@code ?seekOperation=Next} and the token (JAVA {@code CustomerUsersCollectionOperations.query}), so
 * the token alone must be enough to continue. When the request does repeat a filter or sort, it must be the same
 * query, otherwise the token is rejected, as the real service rejects a token from another query. The checksum
 * makes any edited or truncated token invalid instead of silently paging somewhere else.
 *
 * @param scope         which list, e.g. {@code customers} or {@code users:<customer id>}
 * @param offset        index of the first item of the next page in the filtered, sorted list
 * @param pageSize      the page size in force when the token was issued
 * @param filter        the raw filter as sent with the first page, or null
 * @param sortField     the raw sort field, or null
 * @param sortDirection the raw sort direction, or null
 */
record ContinuationToken(String scope, int offset, int pageSize, String filter, String sortField, String sortDirection) {

    private static final String VERSION = "pc1";
    private static final String SEPARATOR = "|";
    private static final int CHECKSUM_BYTES = 9;

    String encode() {
        String payload = String.join(SEPARATOR, VERSION, part(scope), Integer.toString(offset), Integer.toString(pageSize),
                part(filter), part(sortField), part(sortDirection));
        String sealed = payload + SEPARATOR + checksum(payload);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a token this class issued; anything else is an invalid continuation token. */
    static ContinuationToken decode(String token) {
        try {
            String sealed = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8);
            int lastSeparator = sealed.lastIndexOf(SEPARATOR);
            String payload = sealed.substring(0, lastSeparator);
            if (!MessageDigest.isEqual(checksum(payload).getBytes(StandardCharsets.US_ASCII),
                    sealed.substring(lastSeparator + 1).getBytes(StandardCharsets.US_ASCII))) {
                throw new IllegalArgumentException("checksum mismatch");
            }
            String[] parts = payload.split("\\" + SEPARATOR, -1);
            if (parts.length != 7 || !parts[0].equals(VERSION)) {
                throw new IllegalArgumentException("unknown layout");
            }
            ContinuationToken decoded = new ContinuationToken(unpart(parts[1]), Integer.parseInt(parts[2]),
                    Integer.parseInt(parts[3]), unpart(parts[4]), unpart(parts[5]), unpart(parts[6]));
            if (decoded.offset < 0 || decoded.pageSize < 0) {
                throw new IllegalArgumentException("negative position");
            }
            return decoded;
        } catch (RuntimeException e) {
            throw PartnerCenterFault.invalidContinuationToken("MS-ContinuationToken: not a token issued by this service.");
        }
    }

    private static String part(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unpart(String value) {
        return value.isEmpty() ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String checksum(String payload) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, CHECKSUM_BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
