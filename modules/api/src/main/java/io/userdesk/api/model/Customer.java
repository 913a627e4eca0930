package io.userdesk.api.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A customer of the partner. {@code allowDelegatedAccess} is only present on get-by-id (reference §1.3), so it is a
 * nullable {@link Boolean}; {@code customDomains} lists the tenant's further verified domains.
 */
public class Customer {
    public static final String OBJECT_TYPE = "Customer";

    private String id;
    private String commerceId;
    private CustomerCompanyProfile companyProfile;
    private String relationshipToPartner;
    private Boolean allowDelegatedAccess;
    private List<String> customDomains;
    private ResourceLinks links;
    private ResourceAttributes attributes;

    /**
     * Every domain a user principal name of this customer may use: the company profile's domain and the custom
     * domains, lower-cased. This is the "customer's domains" of the UPN rule (reference §3.2).
     */
    public Set<String> allDomains() {
        Set<String> domains = new LinkedHashSet<>();
        if (companyProfile != null && companyProfile.getDomain() != null) {
            domains.add(companyProfile.getDomain().toLowerCase(Locale.ROOT));
        }
        if (customDomains != null) {
            customDomains.stream().filter(d -> d != null && !d.isBlank())
                    .map(d -> d.toLowerCase(Locale.ROOT)).forEach(domains::add);
        }
        return domains;
    }

    public String companyName() {
        return companyProfile == null ? null : companyProfile.getCompanyName();
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getCommerceId() { return commerceId; }
    public void setCommerceId(String commerceId) { this.commerceId = commerceId; }
    public CustomerCompanyProfile getCompanyProfile() { return companyProfile; }
    public void setCompanyProfile(CustomerCompanyProfile companyProfile) { this.companyProfile = companyProfile; }
    public String getRelationshipToPartner() { return relationshipToPartner; }
    public void setRelationshipToPartner(String relationshipToPartner) { this.relationshipToPartner = relationshipToPartner; }
    public Boolean getAllowDelegatedAccess() { return allowDelegatedAccess; }
    public void setAllowDelegatedAccess(Boolean allowDelegatedAccess) { this.allowDelegatedAccess = allowDelegatedAccess; }
    public List<String> getCustomDomains() { return customDomains; }
    public void setCustomDomains(List<String> customDomains) { this.customDomains = customDomains == null ? null : new ArrayList<>(customDomains); }
    public ResourceLinks getLinks() { return links; }
    public void setLinks(ResourceLinks links) { this.links = links; }
    public ResourceAttributes getAttributes() { return attributes; }
    public void setAttributes(ResourceAttributes attributes) { this.attributes = attributes; }
}
