package io.userdesk.web.view;

import io.userdesk.api.model.Customer;
import io.userdesk.client.PartnerCenterGateway;
import io.userdesk.web.directory.CustomerDirectory;
import io.userdesk.web.i18n.Texts;
import jakarta.inject.Inject;

/**
 * What the active-users and deleted-users pages share: the customer named by the page's parameter, read once and
 * remembered among the staff member's recent customers, and a search that restarts the paging.
 */
public abstract class CustomerUserList<T> extends CursorPagedList<T> {
    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 25;

    @Inject
    transient CustomerDirectory directory;

    @Inject
    RecentCustomers recentCustomers;

    protected String customerId;
    private Customer customer;
    protected String search;

    /** View action: reads the customer once per view, then shows the first page. */
    public void load() {
        if (customer != null) {
            return;
        }
        if (customerId == null) {
            Messages.error(Texts.get("users.chooseCustomer"), null);
            return;
        }
        try {
            customer = directory.customer(PartnerCenterGateway.newId(), customerId);
            recentCustomers.opened(customer);
        } catch (RuntimeException e) {
            Messages.failure(e);
            return;
        }
        firstPage();
    }

    public void searchChanged() {
        firstPage();
    }

    public String getCustomerId() { return customerId; }
    public void setCustomerId(String customerId) { this.customerId = customerId; }
    public Customer getCustomer() { return customer; }
    public String getSearch() { return search; }
    public void setSearch(String search) { this.search = search; }
}
