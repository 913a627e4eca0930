package io.userdesk.api.model;

/**
 * A password reset inside a user PATCH. {@code toString} never shows the password, so the object is safe to log.
 * The Java SDK writes these keys in PascalCase ({@code Password}, {@code ForceChangePassword}); reading is case-insensitive.
 */
public class PasswordProfile {
    private String password;
    private Boolean forceChangePassword;

    public PasswordProfile() {
    }

    public PasswordProfile(String password, Boolean forceChangePassword) {
        this.password = password;
        this.forceChangePassword = forceChangePassword;
    }

    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public Boolean getForceChangePassword() { return forceChangePassword; }
    public void setForceChangePassword(Boolean forceChangePassword) { this.forceChangePassword = forceChangePassword; }

    @Override
    public String toString() {
        return "PasswordProfile[password=" + (password == null ? "null" : "***") + ", forceChangePassword=" + forceChangePassword + "]";
    }
}
