package io.userdesk.emulator.seed;

import java.util.ArrayList;
import java.util.List;

/**
 * One customer of the seed fixture, with its users in the order the default user list returns them. Plain public
 * fields: this is a JSON-B data holder and nothing else.
 */
public class SeedCustomer {
    public String id;
    public String companyName;
    /** The primary {@code *.onmicrosoft.com} domain (the company profile's {@code domain}). */
    public String domain;
    public List<String> customDomains = new ArrayList<>();
    public boolean allowDelegatedAccess = true;
    public List<SeedUser> users = new ArrayList<>();
}
