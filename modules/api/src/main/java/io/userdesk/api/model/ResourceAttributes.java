package io.userdesk.api.model;

/** The {@code attributes} object every Partner Center resource carries: its {@code objectType} and an optional {@code etag}. */
public class ResourceAttributes {
    private String etag;
    private String objectType;

    public ResourceAttributes() {
    }

    public ResourceAttributes(String objectType) {
        this.objectType = objectType;
    }

    public static ResourceAttributes of(String objectType) {
        return new ResourceAttributes(objectType);
    }

    public String getEtag() { return etag; }
    public void setEtag(String etag) { this.etag = etag; }
    public String getObjectType() { return objectType; }
    public void setObjectType(String objectType) { this.objectType = objectType; }
}
