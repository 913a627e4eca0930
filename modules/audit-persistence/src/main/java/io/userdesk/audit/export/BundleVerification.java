package io.userdesk.audit.export;

import io.userdesk.audit.ChainVerification;

/**
 * What the offline verifier found in an export bundle.
 *
 * @param chain the chain result: valid, events checked, the first invalid event and why
 * @param manifestSummary a few lines describing the bundle (filters, range, checkpoint, key id) for the report
 */
public record BundleVerification(ChainVerification chain, String manifestSummary) {

    /** @return whether the bundle is intact and its events belong, unchanged, to the signed chain */
    public boolean valid() {
        return chain.valid();
    }
}
