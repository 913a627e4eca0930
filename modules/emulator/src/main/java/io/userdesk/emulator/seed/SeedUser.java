package io.userdesk.emulator.seed;

/**
 * One user of the seed fixture. {@code usageLocation} may be absent, as for some users in the documented list
 * example; {@code state} is absent for active users and {@code inactive} for soft-deleted ones, which carry either a
 * fixed {@code softDeletionTime} or {@code deletedDaysAgo}: a deletion that many days before the state is seeded, so
 * the seeded users stay inside Partner Center's 30-day restore window whenever the emulator starts. Plain public
 * fields: this is a JSON-B data holder and nothing else.
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
    public Integer deletedDaysAgo;
}
