package io.userdesk.web.config;

import io.userdesk.audit.DatabaseRoles;
import io.userdesk.audit.SchemaMigrations;
import io.userdesk.web.security.Roles;
import io.userdesk.web.security.SignInOptions;
import io.userdesk.web.security.StaffAccount;
import io.userdesk.web.security.StaffAccountRepository;
import io.userdesk.web.security.StaffAdministration;
import io.userdesk.web.security.StaffPasswords;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Runs before the portal takes requests: checks required configuration (a missing database URL would otherwise
 * surface as a misleading driver error), migrates the schema with Flyway as the schema owner and limits the
 * application role (a failed migration fails the deployment), creates the API and audit signing keys if needed, and in demo mode seeds the three demo accounts.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class PortalStartup {
    private static final Logger LOG = Logger.getLogger(PortalStartup.class.getName());
    static final String DEMO_PASSWORD = "demo";

    @Resource(lookup = PortalDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    StaffAccountRepository accounts;

    @Inject
    StaffPasswords passwords;

    @Inject
    PortalSettings settings;

    @Inject
    StaffAdministration administration;

    @Inject
    SignInOptions signInOptions;

    @PostConstruct
    void start() {
        if (ConfigProvider.getConfig().getOptionalValue("userdesk.db.url", String.class).filter(s -> !s.isBlank()).isEmpty()) {
            throw new IllegalStateException("UserDesk is not configured: set USERDESK_DB_URL (userdesk.db.url) to a PostgreSQL "
                    + "JDBC URL, plus USERDESK_DB_USER and USERDESK_DB_PASSWORD.");
        }
        checkSignInOptions();
        migrateAsOwner();
        ApiTokenKeys.keyPair();
        AuditStoreProducer.loadSigningKey();
        if (settings.isDemo()) {
            seedDemoAccounts();
        }
        bootstrapAdmin();
    }

    /** A portal nobody can sign in to, or half an OpenID Connect configuration, fails the deployment with the reason. */
    private void checkSignInOptions() {
        if (!signInOptions.isBuiltInEnabled() && !signInOptions.isOidcEnabled()) {
            throw new IllegalStateException("Both sign-in options are off: set userdesk.signin.built-in.enabled=true or "
                    + "userdesk.oidc.enabled=true (docs/security.md).");
        }
        if (signInOptions.isOidcEnabled()) {
            signInOptions.getOidcProviderUri();
            signInOptions.getOidcClientId();
            signInOptions.getOidcClientSecret();
            if (signInOptions.roleMapping().isEmpty()) {
                throw new IllegalStateException("OpenID Connect sign-in is on but userdesk.oidc.role-mapping is empty: "
                        + "nobody could get a role (docs/security.md).");
            }
        }
    }

    /**
     * The first admin outside demo mode: created once from {@code userdesk.bootstrap.admin-password} when no account of
     * that name exists; it must set its own password at first sign-in. Without it and without any admin, say how.
     */
    private void bootstrapAdmin() {
        String username = settings.bootstrapAdminUsername();
        settings.bootstrapAdminPassword().ifPresentOrElse(password -> {
            try {
                if (administration.bootstrapAdmin(username, password)) {
                    LOG.info("Created the bootstrap admin '" + username + "'; it must set a new password at first sign-in. "
                            + "Remove USERDESK_BOOTSTRAP_ADMIN_PASSWORD from the environment now.");
                }
            } catch (StaffAdministration.Refused e) {
                LOG.severe("The bootstrap admin was not created: USERDESK_BOOTSTRAP_ADMIN_PASSWORD is refused: " + e.getMessage());
            }
        }, () -> {
            if (!accounts.anyEnabledAdmin()) {
                LOG.warning("No staff account can administer UserDesk. Start once with USERDESK_BOOTSTRAP_ADMIN_PASSWORD "
                        + "(at least 12 characters) to create the admin account '" + username + "'.");
            }
        });
    }

    /**
     * With {@code userdesk.db.owner.user} set, the migrations run as that (owner) role and the application role
     * ({@code userdesk.db.user}) is then granted INSERT and SELECT only on the audit tables; with
     * {@code userdesk.db.owner.manage-app-role=true} (demo mode, the launcher, tests) the application role is created
     * first. Without an owner, the application role migrates itself (docs/operations.md says why not in production).
     */
    private void migrateAsOwner() {
        var config = ConfigProvider.getConfig();
        Optional<String> owner = config.getOptionalValue("userdesk.db.owner.user", String.class).filter(s -> !s.isBlank());
        if (owner.isEmpty()) {
            SchemaMigrations.migrate(dataSource);
            return;
        }
        PGSimpleDataSource ownerSource = new PGSimpleDataSource();
        ownerSource.setUrl(config.getValue("userdesk.db.url", String.class));
        ownerSource.setUser(owner.get());
        ownerSource.setPassword(config.getOptionalValue("userdesk.db.owner.password", String.class).orElse(""));
        ownerSource.setApplicationName("userdesk-migrations");
        String appRole = config.getOptionalValue("userdesk.db.user", String.class).orElse("userdesk");
        if (config.getOptionalValue("userdesk.db.owner.manage-app-role", Boolean.class).orElse(false)) {
            DatabaseRoles.ensureApplicationRole(ownerSource, appRole,
                    config.getOptionalValue("userdesk.db.password", String.class).orElse(""));
        }
        SchemaMigrations.migrate(ownerSource);
        DatabaseRoles.grantApplicationRole(ownerSource, appRole);
        LOG.info("Schema migrated as '" + owner.get() + "'; the portal connects as '" + appRole
                + "' (INSERT and SELECT only on the audit tables)");
    }

    private void seedDemoAccounts() {
        create("agent", "Demo Agent", List.of(Roles.AGENT));
        create("reviewer", "Demo Reviewer", List.of(Roles.REVIEWER));
        create("admin", "Demo Admin", List.of(Roles.ADMIN));
    }

    private void create(String username, String displayName, List<String> roles) {
        if (accounts.find(username).isEmpty()
                && accounts.createIfAbsent(new StaffAccount(username, displayName, passwords.hash(DEMO_PASSWORD), roles, true))) {
            LOG.info("Demo mode: created staff account '" + username + "' with roles " + roles);
        }
    }
}
