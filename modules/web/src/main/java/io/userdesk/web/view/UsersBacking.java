package io.userdesk.web.view;

import io.userdesk.api.model.Customer;
import io.userdesk.api.model.CustomerUser;
import io.userdesk.client.PartnerCenterGateway;
import io.userdesk.web.directory.CustomerDirectory;
import io.userdesk.web.directory.Page;
import io.userdesk.web.i18n.Texts;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** A customer's users: search by display name or user principal name, page through Partner Center's list. */
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
        } catch (RuntimeException e) {
            Messages.failure(e);
            return;
        }
        firstPage();
    }

    public void searchChanged() {
        firstPage();
    }

    @Override
    protected Page<CustomerUser> fetch(String cursor) {
        return directory.findUsers(PartnerCenterGateway.newId(), customerId, search, PAGE_SIZE, cursor);
    }

    public String getCustomerId() { return customerId; }
    public void setCustomerId(String customerId) { this.customerId = customerId; }
    public Customer getCustomer() { return customer; }
    public String getSearch() { return search; }
    public void setSearch(String search) { this.search = search; }
    public List<CustomerUser> getUsers() { return items(); }
}
