package io.userdesk.emulator.requestlog;

/**
 * One call to the emulated {@code /v1} API as a test sees it through {@code GET /_emulator/requests}: enough to
 * check that a client sent the right method, path, query, tracing headers and body, and what it got back. Secrets
 * are already masked: {@code authorization} is {@code Bearer ***} and every password value in {@code body} is
 * {@code ***}.
 *
 * @param seq           increasing from 1 in the order responses completed; {@code ?since=} filters on it
 * @param time          when the request arrived, ISO-8601 UTC
 * @param path          relative to the context root, e.g. {@code /v1/customers}
 * @param query         the raw (still URL-encoded) query string, or null
 * @param authorization the scheme followed by {@code ***}, or null when no header was sent
 * @param body          the request body with passwords masked, or null when there was none
 * @param status        the HTTP status of the response
 */
public record RecordedRequest(long seq, String time, String method, String path, String query, String requestId,
                              String correlationId, String authorization, String body, int status) {
}
