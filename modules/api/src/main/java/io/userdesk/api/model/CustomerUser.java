package io.userdesk.api.model;

/**
 * A customer's user as Partner Center returns it (reference §1.3). Every field may be null: in a PATCH body an
 * omitted or null field means "leave unchanged", and in responses absent fields are left out rather than written
 * as null (JSON-B's default), matching the documented GET examples.
 */
public class CustomerUser {
    public static final String OBJECT_TYPE = "CustomerUser";
    public static final String STATE_ACTIVE = "active";
    public static final String STATE_INACTIVE = "inactive";

    private String usageLocation;
    private String id;
    private String userPrincipalName;
    private String firstName;
    private String lastName;
    private String displayName;
    private String immutableId;
    private PasswordProfile passwordProfile;
    private String phoneNumber;
    private String lastDirectorySyncTime;
    private String userDomainType;
    private String state;
    private String softDeletionTime;
    private ResourceLinks links;
    private ResourceAttributes attributes;

    /** A copy whose nested objects are also copied, so stored state can be handed out without aliasing. */
    public CustomerUser copy() {
        CustomerUser c = new CustomerUser();
        c.usageLocation = usageLocation;
        c.id = id;
        c.userPrincipalName = userPrincipalName;
        c.firstName = firstName;
        c.lastName = lastName;
        c.displayName = displayName;
        c.immutableId = immutableId;
        c.passwordProfile = passwordProfile == null ? null
                : new PasswordProfile(passwordProfile.getPassword(), passwordProfile.getForceChangePassword());
        c.phoneNumber = phoneNumber;
        c.lastDirectorySyncTime = lastDirectorySyncTime;
        c.userDomainType = userDomainType;
        c.state = state;
        c.softDeletionTime = softDeletionTime;
        if (links != null) {
            c.links = new ResourceLinks(links.getSelf() == null ? null
                    : new Link(links.getSelf().getUri(), links.getSelf().getMethod(), links.getSelf().getHeaders()));
        }
        if (attributes != null) {
            c.attributes = new ResourceAttributes(attributes.getObjectType());
            c.attributes.setEtag(attributes.getEtag());
        }
        return c;
    }

    public String getUsageLocation() { return usageLocation; }
    public void setUsageLocation(String usageLocation) { this.usageLocation = usageLocation; }
    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getUserPrincipalName() { return userPrincipalName; }
    public void setUserPrincipalName(String userPrincipalName) { this.userPrincipalName = userPrincipalName; }
    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getImmutableId() { return immutableId; }
    public void setImmutableId(String immutableId) { this.immutableId = immutableId; }
    public PasswordProfile getPasswordProfile() { return passwordProfile; }
    public void setPasswordProfile(PasswordProfile passwordProfile) { this.passwordProfile = passwordProfile; }
    public String getPhoneNumber() { return phoneNumber; }
    public void setPhoneNumber(String phoneNumber) { this.phoneNumber = phoneNumber; }
    public String getLastDirectorySyncTime() { return lastDirectorySyncTime; }
    public void setLastDirectorySyncTime(String lastDirectorySyncTime) { this.lastDirectorySyncTime = lastDirectorySyncTime; }
    public String getUserDomainType() { return userDomainType; }
    public void setUserDomainType(String userDomainType) { this.userDomainType = userDomainType; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getSoftDeletionTime() { return softDeletionTime; }
    public void setSoftDeletionTime(String softDeletionTime) { this.softDeletionTime = softDeletionTime; }
    public ResourceLinks getLinks() { return links; }
    public void setLinks(ResourceLinks links) { this.links = links; }
    public ResourceAttributes getAttributes() { return attributes; }
    public void setAttributes(ResourceAttributes attributes) { this.attributes = attributes; }
}
