package io.userdesk.api.model;

/** A customer's company profile: tenant id, primary domain and company name, as in Partner Center's customer resources. */
public class CustomerCompanyProfile {
    public static final String OBJECT_TYPE = "CustomerCompanyProfile";

    private String tenantId;
    private String domain;
    private String companyName;
    private String email;
    private ResourceLinks links;
    private ResourceAttributes attributes;

    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getDomain() { return domain; }
    public void setDomain(String domain) { this.domain = domain; }
    public String getCompanyName() { return companyName; }
    public void setCompanyName(String companyName) { this.companyName = companyName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public ResourceLinks getLinks() { return links; }
    public void setLinks(ResourceLinks links) { this.links = links; }
    public ResourceAttributes getAttributes() { return attributes; }
    public void setAttributes(ResourceAttributes attributes) { this.attributes = attributes; }
}
