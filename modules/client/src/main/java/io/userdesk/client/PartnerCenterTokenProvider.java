package io.userdesk.client;

/**
 * Supplies the bearer token for Partner Center calls: a fixed configured token, or the App+User refresh-token flow
 * ({@link AppUserTokenClient}), chosen by {@link ConfiguredTokenProvider}.
 */
public interface PartnerCenterTokenProvider {

    /** The access token to send as {@code Authorization: Bearer …}; never logged or audited. */
    String accessToken();

    /**
     * Partner Center refused {@code rejectedToken} with 401: forget it, so the next {@link #accessToken()} fetches a
     * new one. Returns whether a renewal is possible at all (a fixed token cannot be renewed).
     */
    default boolean renew(String rejectedToken) {
        return false;
    }
}
