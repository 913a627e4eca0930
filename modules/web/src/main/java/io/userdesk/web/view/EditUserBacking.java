package io.userdesk.web.view;

import io.userdesk.api.model.Customer;
import io.userdesk.api.model.CustomerUser;
import io.userdesk.api.model.PasswordProfile;
import io.userdesk.api.validation.FieldViolation;
import io.userdesk.api.validation.UsageLocations;
import io.userdesk.client.ErrorCategory;
import io.userdesk.client.PartnerCenterException;
import io.userdesk.client.PartnerCenterGateway;
import io.userdesk.web.directory.CustomerDirectory;
import io.userdesk.web.edit.EditResult;
import io.userdesk.web.edit.FieldChange;
import io.userdesk.web.edit.TemporaryPasswordGenerator;
import io.userdesk.web.edit.UserEditService;
import io.userdesk.web.edit.ValidationFailedException;
import io.userdesk.web.i18n.Texts;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.primefaces.PrimeFaces;

/**
 * The edit form. "Review changes" checks the same rules the server applies and shows old → new per field in a
 * confirmation dialog; only "Save" sends anything. Only fields that differ from the user as loaded are sent, so an
 * untouched field can never overwrite a concurrent change. Each field is also checked as soon as it is left
 * ({@link #checkField}), with the same rules, so mistakes show at the field before review.
 *
 * <p>The user principal name is edited as an alias plus one of the customer's domains, so only a domain the customer
 * owns can be chosen. A password reset left empty gets a generated temporary password; whichever password was sent is
 * shown once, in the answer to "Save", and forgotten by the next action (the page is served {@code no-store}, so a
 * reload or Back starts a new view without it; the audit only ever records "changed").
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

    @Inject
    RecentCustomers recentCustomers;

    private static final TemporaryPasswordGenerator PASSWORDS = new TemporaryPasswordGenerator();

    private String customerId;
    private String userId;
    private Customer customer;
    private CustomerUser original;

    private String displayName;
    private String firstName;
    private String lastName;
    private String upnAlias;
    private String upnDomain;
    private String usageLocation;
    private boolean resetPassword;
    private String newPassword;
    private boolean forceChangePassword = true;
    private String reason;

    private List<FieldChange> pendingChanges = List.of();
    private EditResult result;
    /** The password just sent, shown in the answer to "Save" and cleared by the next action. */
    private String issuedPassword;

    public void load() {
        // the page may show a temporary password: never from the browser's cache, never from Back
        FacesContext.getCurrentInstance().getExternalContext().setResponseHeader("Cache-Control", "no-store");
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
            recentCustomers.opened(customer);
            resetForm();
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    private void resetForm() {
        displayName = original.getDisplayName();
        firstName = original.getFirstName();
        lastName = original.getLastName();
        String upn = original.getUserPrincipalName() == null ? "" : original.getUserPrincipalName();
        int at = upn.lastIndexOf('@');
        upnAlias = at < 0 ? upn : upn.substring(0, at);
        upnDomain = at < 0 ? null : upn.substring(at + 1);
        usageLocation = original.getUsageLocation();
        resetPassword = false;
        newPassword = null;
        forceChangePassword = true;
    }

    /** Validates and, when the change is acceptable, opens the confirmation dialog. */
    public void review() {
        result = null;
        issuedPassword = null;
        CustomerUser requested = requestedChanges();
        List<FieldChange> preview = preview(requested);
        if (preview.isEmpty()) {
            Messages.error(Texts.get("edit.nothingToSave"), null);
            return;
        }
        if (resetPassword && (newPassword == null || newPassword.isEmpty())) {
            requested.setPasswordProfile(null); // left empty: a generated password, which meets the policy
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
        issuedPassword = null;
        String password = null;
        if (resetPassword) {
            password = newPassword == null || newPassword.isEmpty() ? PASSWORDS.generate() : newPassword;
        }
        CustomerUser requested = requestedChanges(password);
        try {
            result = edits.updateUser(currentStaff.actor(), customerId, userId, requested, reason);
            original = result.user();
            resetForm();
            reason = null;
            issuedPassword = password;
            Messages.info(Texts.get("edit.savedMessage"), Messages.correlation(result.correlationId()));
        } catch (ValidationFailedException e) {
            showViolations(e.violations());
        } catch (PartnerCenterException e) {
            if (e.category() == ErrorCategory.ALREADY_EXISTS && requested.getUserPrincipalName() != null) {
                // the one conflict an edit can cause: the new user principal name belongs to someone else
                Messages.error(Texts.get("fault.upnTaken", requested.getUserPrincipalName()),
                        Messages.correlation(e.correlationId()));
                Messages.fieldError(FORM + ":upnAlias", Texts.get("fault.upnTakenField"));
            } else {
                Messages.failure(e);
            }
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
            case "displayName", "firstName", "lastName", "usageLocation" -> FORM + ":" + field;
            case "userPrincipalName" -> FORM + ":upnAlias";
            case "passwordProfile.password" -> FORM + ":newPassword";
            default -> null;
        };
    }

    /**
     * Checks one field as soon as it is left, with the rules the server applies to a save (only a changed field is
     * checked, as only changed fields are sent), and puts the message at the field; nothing is sent or audited.
     */
    public void checkField(String field) {
        issuedPassword = null;
        if (original == null) {
            return;
        }
        String password = resetPassword && newPassword != null && !newPassword.isEmpty() ? newPassword : null;
        CustomerUser requested = requestedChanges(password);
        if (password == null) {
            requested.setPasswordProfile(null); // empty means "generate one": nothing to check
        }
        String clientId = clientIdOf(field);
        for (FieldViolation violation : edits.check(requested, customer)) {
            if (violation.field().equals(field) && clientId != null) {
                Messages.fieldError(clientId, Messages.violation(violation));
            }
        }
    }

    /** Only what differs from the user as loaded; a password reset with the password as typed. */
    CustomerUser requestedChanges() {
        return requestedChanges(newPassword == null ? "" : newPassword);
    }

    private CustomerUser requestedChanges(String password) {
        CustomerUser changes = new CustomerUser();
        changes.setDisplayName(changed(original.getDisplayName(), displayName));
        changes.setFirstName(changed(original.getFirstName(), firstName));
        changes.setLastName(changed(original.getLastName(), lastName));
        changes.setUserPrincipalName(changed(original.getUserPrincipalName(), getUserPrincipalName()));
        changes.setUsageLocation(changed(original.getUsageLocation(), usageLocation));
        if (resetPassword) {
            changes.setPasswordProfile(new PasswordProfile(password == null ? "" : password, forceChangePassword));
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
            boolean generated = newPassword == null || newPassword.isEmpty();
            preview.add(new FieldChange(labelOf("password"), Texts.get("edit.password.unchanged"),
                    Texts.get(generated ? "tempPassword.willGenerate" : "edit.password.newSet")));
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
        return countries(Texts.currentLocale());
    }

    /** Every usage location Partner Center accepts, by its name in {@code viewer}'s language, in that language's order. */
    static List<SelectItem> countries(Locale viewer) {
        List<SelectItem> items = new ArrayList<>();
        for (String code : UsageLocations.codes()) {
            String name = new Locale("", code).getDisplayCountry(viewer);
            items.add(new SelectItem(code, name + " (" + code + ")"));
        }
        Collator collator = Collator.getInstance(viewer);
        items.sort(Comparator.comparing(SelectItem::getLabel, collator));
        return items;
    }

    public String getCustomerDomains() {
        return customer == null ? "" : String.join(", ", customer.allDomains());
    }

    /** The domains a user principal name may use: the customer's, plus the user's current one should it not be listed. */
    public List<String> getDomains() {
        List<String> domains = new ArrayList<>(customer == null ? List.of() : customer.allDomains());
        if (original != null && original.getUserPrincipalName() != null) {
            String upn = original.getUserPrincipalName();
            String current = upn.substring(upn.lastIndexOf('@') + 1);
            if (!current.isEmpty() && domains.stream().noneMatch(current::equalsIgnoreCase)) {
                domains.add(current);
            }
        }
        return domains;
    }

    /** The user principal name as edited: alias @ chosen domain. */
    public String getUserPrincipalName() {
        String alias = upnAlias == null ? "" : upnAlias.trim();
        return upnDomain == null || upnDomain.isEmpty() ? alias : alias + "@" + upnDomain;
    }

    public String getUpnAlias() { return upnAlias; }
    public void setUpnAlias(String upnAlias) { this.upnAlias = upnAlias; }
    public String getUpnDomain() { return upnDomain; }
    public void setUpnDomain(String upnDomain) { this.upnDomain = upnDomain; }
    public String getIssuedPassword() { return issuedPassword; }

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
                .map(c -> new FieldChange(labelOf(c.field()), valueText(c.field(), c.before()), valueText(c.field(), c.after())))
                .toList();
    }

    /** A saved value as people read it: yes/no for the force-change flag, a sentence for a password, else as stored. */
    static String valueText(String field, String value) {
        if (value == null) {
            return "";
        }
        return switch (field) {
            case "forceChangePassword" -> Texts.get(Boolean.parseBoolean(value) ? "common.yes" : "common.no");
            case "password" -> Texts.get("edit.password.newSet");
            default -> value;
        };
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
