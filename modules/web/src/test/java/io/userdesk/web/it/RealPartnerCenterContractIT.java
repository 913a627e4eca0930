package io.userdesk.web.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;

/**
 * The Partner Center contract suite against the real service, when its App+User credentials are in the environment
 * ({@code PARTNER_CENTER_TENANT}, {@code _CLIENT_ID}, {@code _CLIENT_SECRET}, {@code _REFRESH_TOKEN},
 * {@code _CUSTOMER_ID}; README shows how); skipped otherwise. Read-only unless {@code PARTNER_CENTER_ALLOW_WRITES=true}.
 */
class RealPartnerCenterContractIT extends PartnerCenterContract {
    private static ContractTarget target;

    @BeforeAll
    static void credentials() {
        target = ContractTarget.realFromEnvironment();
        assumeTrue(target != null, "PARTNER_CENTER_* credentials are not set: the real-service contract run is skipped");
    }

    @Override
    ContractTarget target() {
        return target;
    }
}
