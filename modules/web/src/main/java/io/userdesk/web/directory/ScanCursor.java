package io.userdesk.web.directory;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the next portal page starts: the Partner Center continuation token of the Partner Center page that holds it
 * ({@code null} for the first) and how many of that page's items were already shown. Encoded as opaque base64url text
 * so callers cannot depend on its form.
 */
record ScanCursor(String continuationToken, int skip) {
    static final ScanCursor START = new ScanCursor(null, 0);

    String encode() {
        String raw = skip + ":" + (continuationToken == null ? "" : continuationToken);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static ScanCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return START;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            int skip = Integer.parseInt(raw.substring(0, colon));
            String token = raw.substring(colon + 1);
            if (skip < 0) {
                throw new IllegalArgumentException("negative skip");
            }
            return new ScanCursor(token.isEmpty() ? null : token, skip);
        } catch (RuntimeException e) {
            throw new InvalidCursorException();
        }
    }
}
