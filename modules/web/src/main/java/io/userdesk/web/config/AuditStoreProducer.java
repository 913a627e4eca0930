package io.userdesk.web.config;

import io.userdesk.audit.AuditSigningKey;
import io.userdesk.audit.AuditStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Makes the framework-free {@link AuditStore} of the audit-persistence module injectable, over the portal's datasource,
 * with the portal's audit signing key for checkpoints every {@code userdesk.audit.checkpoint.every-events} events.
 */
@ApplicationScoped
public class AuditStoreProducer {

    /** Key file under {@code userdesk.home}/keys when no key is configured. */
    static final String KEY_FILE = "audit-signing-key.ed25519";

    @Resource(lookup = PortalDataSource.JNDI_NAME)
    DataSource dataSource;

    /** {@code @Singleton} (no client proxy), since the store is a final, thread-safe class. */
    @Produces
    @Singleton
    AuditStore auditStore(AuditSigningKey key) {
        long every = ConfigProvider.getConfig()
                .getOptionalValue("userdesk.audit.checkpoint.every-events", Long.class).orElse(1000L);
        return new AuditStore(dataSource, key, every);
    }

    /**
     * The key from {@code userdesk.audit.signing-key.private} / {@code .public} (base64 PKCS#8 / X.509), else the one
     * generated on first start and kept in {@code userdesk.home/keys/audit-signing-key.ed25519}.
     */
    @Produces
    @Singleton
    AuditSigningKey auditSigningKey() {
        return loadSigningKey();
    }

    static AuditSigningKey loadSigningKey() {
        Config config = ConfigProvider.getConfig();
        Optional<String> privateKey = config.getOptionalValue("userdesk.audit.signing-key.private", String.class)
                .filter(s -> !s.isBlank());
        Optional<String> publicKey = config.getOptionalValue("userdesk.audit.signing-key.public", String.class)
                .filter(s -> !s.isBlank());
        if (privateKey.isPresent() != publicKey.isPresent()) {
            throw new IllegalStateException("Set both userdesk.audit.signing-key.private and "
                    + "userdesk.audit.signing-key.public, or neither (a key is then generated and kept in "
                    + PortalSettings.home().resolve("keys") + ").");
        }
        if (privateKey.isPresent()) {
            return AuditSigningKey.fromBase64(privateKey.get(), publicKey.get());
        }
        return AuditSigningKey.loadOrGenerate(PortalSettings.home().resolve("keys").resolve(KEY_FILE));
    }
}
