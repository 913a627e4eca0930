package io.userdesk.web.audit;

import io.userdesk.api.model.CustomerUser;
import io.userdesk.audit.AuditOutcome;
import java.util.Map;
import java.util.Objects;

/**
 * Decides, from the fields an orphaned attempt asked for and the user as Partner Center has it now, whether the change
 * was applied.
 *
 * <p>Why by comparison: the PATCH may or may not have reached Partner Center before the portal stopped, and Partner
 * Center keeps no request history we can query; the user's current state is the only evidence. Every requested field
 * equal: applied ({@link AuditOutcome#SUCCEEDED}). None equal: not applied ({@link AuditOutcome#FAILED}). Some equal,
 * or only a password was asked for (a password cannot be read back): {@link AuditOutcome#UNKNOWN}.
 *
 * @param outcome the settled outcome
 * @param explanation one sentence for the reviewer
 */
public record ReconciliationVerdict(AuditOutcome outcome, String explanation) {

    /**
     * @param requested the attempt's {@code details.requested} (field → requested value; password as "changed")
     * @param current the user read back from Partner Center
     * @return the verdict
     */
    public static ReconciliationVerdict decide(Map<String, ?> requested, CustomerUser current) {
        int compared = 0;
        int equal = 0;
        for (Map.Entry<String, ?> field : requested.entrySet()) {
            String now = switch (field.getKey()) {
                case "displayName" -> current.getDisplayName();
                case "firstName" -> current.getFirstName();
                case "lastName" -> current.getLastName();
                case "userPrincipalName" -> current.getUserPrincipalName();
                case "usageLocation" -> current.getUsageLocation();
                case "state" -> current.getState();
                default -> null;
            };
            if (field.getKey().equals("password") || field.getKey().equals("forceChangePassword")) {
                continue;
            }
            compared++;
            if (Objects.equals(String.valueOf(field.getValue()), now)) {
                equal++;
            }
        }
        if (compared == 0) {
            return new ReconciliationVerdict(AuditOutcome.UNKNOWN,
                    "Only a password was requested; a password cannot be read back, so whether it changed is unknown.");
        }
        if (equal == compared) {
            return new ReconciliationVerdict(AuditOutcome.SUCCEEDED,
                    "The user now has every requested value: the change was applied.");
        }
        if (equal == 0) {
            return new ReconciliationVerdict(AuditOutcome.FAILED,
                    "The user has none of the requested values: the change was not applied.");
        }
        return new ReconciliationVerdict(AuditOutcome.UNKNOWN, "The user has " + equal + " of the " + compared
                + " requested values: the change was applied in part, or changed again since.");
    }
}
