package io.userdesk.emulator.seed;

/**
 * One user of the seed fixture. {@code usageLocation} may be absent, as for some users in the documented list
 * example; {@code state} is absent for active users and {@code inactive} (with {@code softDeletionTime}) for
 * soft-deleted ones. Plain public fields: this is a JSON-B data holder and nothing else.
 */
public class SeedUser {
    public String id;
    public String userPrincipalName;
    public String firstName;
    public String lastName;
    public String displayName;
    public String usageLocation;
    public String state;
    public String softDeletionTime;
}
