package io.userdesk.web.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Partner Center contract suite against the emulator, which Payara Micro deploys beside the portal (arquillian.xml).
 * The portal itself is only the Arquillian deployment here; every case talks plain HTTP to {@code /partner-center}.
 */
@ExtendWith(ArquillianExtension.class)
class EmulatorContractIT extends PartnerCenterContract {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.portal();
    }

    @AfterEach
    void clearFaults() {
        Http.send("DELETE", "/partner-center/_emulator/faults", null, null, null);
    }

    @Override
    ContractTarget target() {
        return ContractTarget.emulator();
    }
}
