package io.userdesk.web.view;

import io.userdesk.api.model.Customer;
import io.userdesk.api.model.CustomerUser;
import io.userdesk.client.PartnerCenterGateway;
import io.userdesk.web.directory.CustomerDirectory;
import io.userdesk.web.directory.Page;
import io.userdesk.web.directory.UserOrder;
import io.userdesk.web.i18n.Texts;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import jakarta.faces.model.SelectItem;

/**
 * A customer's users: search as you type by display name or user principal name, sorted by Partner Center (display
 * name or UPN, either direction), paged by its continuation tokens. Opening a customer here records it among the
 * staff member's recent customers.
 */
@Named
@ViewScoped
public class UsersBacking extends CursorPagedList<CustomerUser> {
    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 25;

    @Inject
    transient CustomerDirectory directory;

    private String customerId;
    private Customer customer;
    private String search;
    private UserOrder order = UserOrder.DEFAULT;

    @Inject
    RecentCustomers recentCustomers;

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

    public void orderChanged() {
        firstPage();
    }

    @Override
    protected Page<CustomerUser> fetch(String cursor) {
        return directory.findUsers(PartnerCenterGateway.newId(), customerId, search, order, PAGE_SIZE, cursor);
    }

    public String getCustomerId() { return customerId; }
    public void setCustomerId(String customerId) { this.customerId = customerId; }
    public Customer getCustomer() { return customer; }
    public String getSearch() { return search; }
    public void setSearch(String search) { this.search = search; }
    public List<CustomerUser> getUsers() { return items(); }
    public String getOrder() { return order.name(); }
    public void setOrder(String order) { this.order = UserOrder.parse(order); }

    /** The orders offered, labelled in the viewer's language. */
    public List<SelectItem> getOrders() {
        return java.util.Arrays.stream(UserOrder.values())
                .map(o -> new SelectItem(o.name(), Texts.get("userSort." + o.name())))
                .toList();
    }
}
