package io.userdesk.emulator.state;

import java.util.Locale;

/**
 * What a customer list is narrowed to: nothing, or the customers whose company name or primary domain starts with
 * a prefix, ignoring case (reference §1.4, DOC "Get a customer by name"; {@code starts_with} is the only operator
 * that page supports). Records compare by value, which is how a continuation token's query is checked against the
 * request's.
 *
 * @param field  null when the list is not filtered
 * @param prefix lower case
 */
record CustomerSearch(Field field, String prefix) {

    enum Field { COMPANY_NAME, DOMAIN }

    static final CustomerSearch ALL = new CustomerSearch(null, null);

    static CustomerSearch parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return ALL;
        }
        FieldFilter parsed = FieldFilter.parse(filter);
        Field field;
        if (parsed.field().equalsIgnoreCase("CompanyName")) {
            field = Field.COMPANY_NAME;
        } else if (parsed.field().equalsIgnoreCase("Domain")) {
            field = Field.DOMAIN;
        } else {
            throw PartnerCenterFault.invalidRequestInput("filter: Field must be CompanyName or Domain.");
        }
        if (!parsed.operator().equals(FieldFilter.STARTS_WITH)) {
            throw PartnerCenterFault.invalidRequestInput("filter: the only Operator supported for customers is starts_with.");
        }
        return new CustomerSearch(field, parsed.value().toLowerCase(Locale.ROOT));
    }

    boolean matches(StoredCustomer customer) {
        if (field == null) {
            return true;
        }
        String candidate = field == Field.COMPANY_NAME ? customer.companyName : customer.domain;
        return candidate != null && candidate.toLowerCase(Locale.ROOT).startsWith(prefix);
    }
}
