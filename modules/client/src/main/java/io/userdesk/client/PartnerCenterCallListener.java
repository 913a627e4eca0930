package io.userdesk.client;

/**
 * Receives every attempt, retry and outcome of the gateway's Partner Center calls, e.g. to audit retries of a change.
 * Implementations are CDI beans found by the gateway; they must be quick and must not throw (a failure is logged and
 * ignored, so auditing a retry can never break the call itself).
 */
public interface PartnerCenterCallListener {
    void onEvent(CallEvent event);
}
