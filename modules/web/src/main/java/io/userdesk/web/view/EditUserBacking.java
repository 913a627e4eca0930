package io.userdesk.web.view;

import io.userdesk.api.model.Customer;
import io.userdesk.api.model.CustomerUser;
import io.userdesk.api.model.PasswordProfile;
import io.userdesk.api.validation.FieldViolation;
import io.userdesk.api.validation.UsageLocations;
import io.userdesk.client.PartnerCenterGateway;
import io.userdesk.web.directory.CustomerDirectory;
import io.userdesk.web.edit.EditResult;
import io.userdesk.web.edit.FieldChange;
import io.userdesk.web.edit.UserEditService;
import io.userdesk.web.edit.ValidationFailedException;
import io.userdesk.web.i18n.Texts;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.primefaces.PrimeFaces;

/**
 * The edit form. "Review changes" checks the same rules the server applies and shows old → new per field in a
 * confirmation dialog; only "Save" sends anything. Only fields that differ from the user as loaded are sent, so an
 * untouched field can never overwrite a concurrent change.
 */
@Named
@ViewScoped
public class EditUserBacking implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String FORM = "editForm";

    @Inject
    transient CustomerDirectory directory;

    @Inject
    transient UserEditService edits;

    @Inject
    CurrentStaff currentStaff;

    private String customerId;
    private String userId;
    private Customer customer;
    private CustomerUser original;

    private String displayName;
    private String firstName;
    private String lastName;
    private String userPrincipalName;
    private String usageLocation;
    private boolean resetPassword;
    private String newPassword;
    private boolean forceChangePassword = true;
    private String reason;

    private List<FieldChange> pendingChanges = List.of();
    private EditResult result;

    public void load() {
        if (original != null) {
            return;
        }
        if (customerId == null || userId == null) {
            Messages.error(Texts.get("edit.chooseUser"), null);
            return;
        }
        try {
            String correlationId = PartnerCenterGateway.newId();
            customer = directory.customer(correlationId, customerId);
            original = directory.user(correlationId, customerId, userId);
            resetForm();
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    private void resetForm() {
        displayName = original.getDisplayName();
        firstName = original.getFirstName();
        lastName = original.getLastName();
        userPrincipalName = original.getUserPrincipalName();
        usageLocation = original.getUsageLocation();
        resetPassword = false;
        newPassword = null;
        forceChangePassword = true;
    }

    /** Validates and, when the change is acceptable, opens the confirmation dialog. */
    public void review() {
        result = null;
        CustomerUser requested = requestedChanges();
        List<FieldChange> preview = preview(requested);
        if (preview.isEmpty()) {
            Messages.error(Texts.get("edit.nothingToSave"), null);
            return;
        }
        List<FieldViolation> violations = edits.check(requested, customer);
        if (!violations.isEmpty()) {
            showViolations(violations);
            return;
        }
        pendingChanges = preview;
        PrimeFaces.current().executeScript("PF('confirmChanges').show()");
    }

    public void save() {
        CustomerUser requested = requestedChanges();
        try {
            result = edits.updateUser(currentStaff.actor(), customerId, userId, requested, reason);
            original = result.user();
            resetForm();
            reason = null;
            Messages.info(Texts.get("edit.savedMessage"), Messages.correlation(result.correlationId()));
        } catch (ValidationFailedException e) {
            showViolations(e.violations());
        } catch (RuntimeException e) {
            Messages.failure(e);
        } finally {
            newPassword = null;
            pendingChanges = List.of();
            PrimeFaces.current().executeScript("PF('confirmChanges').hide()");
        }
    }

    private void showViolations(List<FieldViolation> violations) {
        for (FieldViolation violation : violations) {
            Messages.fieldError(clientIdOf(violation.field()), Messages.violation(violation));
        }
        Messages.error(Texts.get("edit.correctFields"), null);
    }

    static String clientIdOf(String field) {
        return switch (field) {
            case "displayName", "firstName", "lastName", "userPrincipalName", "usageLocation" -> FORM + ":" + field;
            case "passwordProfile.password" -> FORM + ":newPassword";
            default -> null;
        };
    }

    /** Only what differs from the user as loaded. */
    CustomerUser requestedChanges() {
        CustomerUser changes = new CustomerUser();
        changes.setDisplayName(changed(original.getDisplayName(), displayName));
        changes.setFirstName(changed(original.getFirstName(), firstName));
        changes.setLastName(changed(original.getLastName(), lastName));
        changes.setUserPrincipalName(changed(original.getUserPrincipalName(), userPrincipalName));
        changes.setUsageLocation(changed(original.getUsageLocation(), usageLocation));
        if (resetPassword) {
            changes.setPasswordProfile(new PasswordProfile(newPassword == null ? "" : newPassword, forceChangePassword));
        }
        return changes;
    }

    private List<FieldChange> preview(CustomerUser requested) {
        List<FieldChange> preview = new ArrayList<>();
        add(preview, labelOf("displayName"), original.getDisplayName(), requested.getDisplayName());
        add(preview, labelOf("firstName"), original.getFirstName(), requested.getFirstName());
        add(preview, labelOf("lastName"), original.getLastName(), requested.getLastName());
        add(preview, labelOf("userPrincipalName"), original.getUserPrincipalName(), requested.getUserPrincipalName());
        add(preview, labelOf("usageLocation"), original.getUsageLocation(), requested.getUsageLocation());
        if (requested.getPasswordProfile() != null) {
            preview.add(new FieldChange(labelOf("password"), Texts.get("edit.password.unchanged"), Texts.get("edit.password.newSet")));
            preview.add(new FieldChange(labelOf("forceChangePassword"), "",
                    Texts.get(forceChangePassword ? "common.yes" : "common.no")));
        }
        return preview;
    }

    private static void add(List<FieldChange> preview, String label, String before, String after) {
        if (after != null) {
            preview.add(new FieldChange(label, before == null ? "" : before, after));
        }
    }

    private static String changed(String before, String now) {
        String value = now == null ? null : now.trim();
        if (value == null || Objects.equals(value, before == null ? null : before.trim())) {
            return null;
        }
        if (value.isEmpty() && before == null) {
            return null;
        }
        return value;
    }

    /** Countries by name in the viewer's language, with the ISO code the API stores. */
    public List<SelectItem> getCountries() {
        Locale viewer = Locale.ENGLISH;
        List<SelectItem> items = new ArrayList<>();
        for (String code : UsageLocations.codes()) {
            String name = new Locale("", code).getDisplayCountry(viewer);
            items.add(new SelectItem(code, name + " (" + code + ")"));
        }
        items.sort(Comparator.comparing(SelectItem::getLabel));
        return items;
    }

    public String getCustomerDomains() {
        return customer == null ? "" : String.join(", ", customer.allDomains());
    }

    public String getCustomerId() { return customerId; }
    public void setCustomerId(String customerId) { this.customerId = customerId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public Customer getCustomer() { return customer; }
    public CustomerUser getOriginal() { return original; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getUserPrincipalName() { return userPrincipalName; }
    public void setUserPrincipalName(String userPrincipalName) { this.userPrincipalName = userPrincipalName; }
    public String getUsageLocation() { return usageLocation; }
    public void setUsageLocation(String usageLocation) { this.usageLocation = usageLocation; }
    public boolean isResetPassword() { return resetPassword; }
    public void setResetPassword(boolean resetPassword) { this.resetPassword = resetPassword; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
    public boolean isForceChangePassword() { return forceChangePassword; }
    public void setForceChangePassword(boolean forceChangePassword) { this.forceChangePassword = forceChangePassword; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public List<FieldChange> getPendingChanges() { return pendingChanges; }
    public EditResult getResult() { return result; }

    /** The saved changes with the field names people read ("Display name"), not the API's ("displayName"). */
    public List<FieldChange> getSavedChanges() {
        if (result == null) {
            return List.of();
        }
        return result.changes().stream()
                .map(c -> new FieldChange(labelOf(c.field()), c.before() == null ? "" : c.before(), c.after()))
                .toList();
    }

    static String labelOf(String field) {
        return switch (field) {
            case "displayName" -> Texts.get("common.displayName");
            case "firstName" -> Texts.get("edit.firstName");
            case "lastName" -> Texts.get("edit.lastName");
            case "userPrincipalName" -> Texts.get("users.userPrincipalName");
            case "usageLocation" -> Texts.get("users.usageLocation");
            case "password" -> Texts.get("common.password");
            case "forceChangePassword" -> Texts.get("edit.password.forceChange");
            default -> field;
        };
    }
}
