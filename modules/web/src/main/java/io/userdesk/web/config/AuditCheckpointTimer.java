package io.userdesk.web.config;

import io.userdesk.audit.AuditCheckpoint;
import io.userdesk.audit.AuditSigningKey;
import io.userdesk.audit.AuditStore;
import io.userdesk.audit.AuditUnavailableException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Signs a checkpoint when {@code userdesk.audit.checkpoint.every-minutes} (default 60) have passed since the newest one
 * and events were added since: a quiet portal still gets its head signed, not only a busy one (every N events).
 * Several portal instances may all run it; the store's chain lock makes a second checkpoint at the same head a no-op.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditCheckpointTimer {
    private static final Logger LOG = Logger.getLogger(AuditCheckpointTimer.class.getName());

    @Inject
    AuditStore audit;

    @Inject
    AuditSigningKey key;

    @Schedule(minute = "*", hour = "*", persistent = false)
    void checkpointIfDue() {
        long minutes = ConfigProvider.getConfig()
                .getOptionalValue("userdesk.audit.checkpoint.every-minutes", Long.class).orElse(60L);
        try {
            Optional<AuditCheckpoint> latest = audit.latestCheckpoint();
            if (latest.isEmpty() || latest.get().createdAt().plus(Duration.ofMinutes(minutes)).isBefore(Instant.now())) {
                audit.checkpoint(key);
            }
        } catch (AuditUnavailableException e) {
            LOG.warning("Timed audit checkpoint not written: " + e.getMessage());
        }
    }
}
